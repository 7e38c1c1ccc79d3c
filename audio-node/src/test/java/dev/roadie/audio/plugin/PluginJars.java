package dev.roadie.audio.plugin;

import com.sedmelluq.discord.lavaplayer.source.AudioSourceManager;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real plugin jars at test time: compiles sources with javax.tools against lavaplayer (and
 * the libraries given) and writes a jar with a manifest and, when asked, a services entry.
 */
final class PluginJars {
    /** Older than the node's own commons-io (2.13.0, through lavaplayer); the pom copies it here. */
    static final Path OLDER_COMMONS_IO = Path.of("target", "plugin-test-libs", "commons-io-2.11.0.jar");

    private PluginJars() {
    }

    /**
     * @param jar      where to write it
     * @param sources  class name to source
     * @param services the lines of META-INF/services for AudioSourceManager, or an empty list for none
     * @param manifest main attributes of its manifest
     * @param libs     jars to compile against besides lavaplayer
     */
    static Path build(Path jar, Map<String, String> sources, List<String> services, Map<String, String> manifest,
            Path... libs) throws IOException {
        Files.createDirectories(jar.getParent());
        Path work = Files.createTempDirectory("plugin-src");
        Path classes = Files.createDirectories(work.resolve("classes"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = work.resolve("src").resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
        }
        List<String> classpath = new ArrayList<>(List.of(location(AudioSourceManager.class)));
        for (Path lib : libs) {
            classpath.add(lib.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args;
        try (Stream<Path> files = Files.walk(work.resolve("src"))) {
            args = Stream.concat(Stream.of("-d", classes.toString(), "-cp", String.join(File.pathSeparator, classpath),
                    "--release", "21", "-nowarn"), files.filter(f -> f.toString().endsWith(".java")).map(Path::toString)).toList();
        }
        if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("the test plugin did not compile");
        }
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.forEach((key, value) -> mf.getMainAttributes().putValue(key, value));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf);
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
            if (!services.isEmpty()) {
                out.putNextEntry(new JarEntry("META-INF/services/" + AudioSourceManager.class.getName()));
                out.write((String.join("\n", services) + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** The older commons-io, or a failure saying how to get it. */
    static Path olderCommonsIo() {
        if (!Files.isRegularFile(OLDER_COMMONS_IO)) {
            throw new IllegalStateException(OLDER_COMMONS_IO.toAbsolutePath() + " is missing: run the tests through "
                    + "Maven (./mvnw -pl audio-node -am test), whose generate-test-resources phase copies it there");
        }
        return OLDER_COMMONS_IO;
    }

    /**
     * The tone plugin as a user would lay it out: {@code plugins/testsrc/} with its jar (a services
     * entry, {@code Implementation-Version: 1.0.0}) and the older commons-io it uses beside it.
     */
    static Path toneSource(Path plugins) throws IOException {
        Path folder = Files.createDirectories(plugins.resolve("testsrc"));
        Files.copy(olderCommonsIo(), folder.resolve(OLDER_COMMONS_IO.getFileName()));
        return build(folder.resolve("testsrc-plugin.jar"), PluginSources.TONE, List.of("org.example.testsrc.ToneSourceManager"),
                Map.of("Implementation-Version", "1.0.0"), olderCommonsIo());
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
