package dev.roadie.search.plugin;

import dev.roadie.model.music.Track;
import dev.roadie.search.spi.SearchProviderFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds real plug-in jars at test time: compiles sources with javax.tools and writes a services entry. */
final class PluginJars {

    private PluginJars() {
    }

    /**
     * @param jar      where to write the jar
     * @param sources  class name to source
     * @param services the lines of META-INF/services/dev.roadie.search.spi.SearchProviderFactory, or null for none
     */
    static Path build(Path jar, Map<String, String> sources, List<String> services) throws IOException {
        Path work = Files.createTempDirectory(jar.getParent(), "src");
        Path classes = Files.createDirectories(work.resolve("classes"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = work.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classpath = location(SearchProviderFactory.class) + java.io.File.pathSeparator + location(Track.class);
        List<String> args;
        try (Stream<Path> files = Files.walk(work)) {
            args = Stream.concat(Stream.of("-d", classes.toString(), "-cp", classpath, "--release", "21"),
                    files.filter(f -> f.toString().endsWith(".java")).map(Path::toString)).toList();
        }
        if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("the test plug-in did not compile");
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
            if (services != null) {
                out.putNextEntry(new JarEntry("META-INF/services/" + SearchProviderFactory.class.getName()));
                write(out, String.join("\n", services) + "\n");
                out.closeEntry();
            }
        }
        return jar;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
