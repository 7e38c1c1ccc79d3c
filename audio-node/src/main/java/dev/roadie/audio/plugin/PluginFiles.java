package dev.roadie.audio.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One plugin's jars. A jar directly in the plugins folder is a plugin on its own (with the jars its
 * manifest's {@code Class-Path} names, which the class loader follows); a sub-folder is one plugin of
 * all the jars in it, so that a source manager and its dependencies (youtube-source's {@code common}
 * jar, Rhino, nanojson) are dropped in together as they are downloaded.
 *
 * @param name the sub-folder's name, or the jar's without its version and {@code .jar}
 * @param jars the plugin's jars, in name order
 */
record PluginFiles(String name, List<Path> jars) {
    /** {@code common-1.13.3.jar}: the name before the version, the version from its first digit on. */
    private static final Pattern NAME_AND_VERSION = Pattern.compile("(.+?)-(\\d[^-]*(?:-.+)?)\\.jar");

    /** The plugins in {@code folder}, in name order; other files there are left alone. */
    static List<PluginFiles> in(Path folder) throws IOException {
        List<PluginFiles> plugins = new ArrayList<>();
        for (Path entry : sorted(folder)) {
            if (isJar(entry)) {
                plugins.add(new PluginFiles(nameOf(entry), List.of(entry)));
            } else if (Files.isDirectory(entry)) {
                plugins.add(new PluginFiles(entry.getFileName().toString(),
                        sorted(entry).stream().filter(PluginFiles::isJar).toList()));
            }
        }
        return plugins;
    }

    private static List<Path> sorted(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        }
    }

    private static boolean isJar(Path file) {
        return Files.isRegularFile(file) && file.getFileName().toString().endsWith(".jar");
    }

    private static String nameOf(Path jar) {
        String file = jar.getFileName().toString();
        Matcher matcher = NAME_AND_VERSION.matcher(file);
        return matcher.matches() ? matcher.group(1) : file.substring(0, file.length() - ".jar".length());
    }

    /**
     * A jar's version: its manifest's {@code Implementation-Version}, else {@code Bundle-Version},
     * else the one in its file name ({@code common-1.13.3.jar}), else {@code unknown}.
     */
    static String versionOf(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            if (file.getManifest() != null) {
                Attributes main = file.getManifest().getMainAttributes();
                for (String key : List.of("Implementation-Version", "Bundle-Version")) {
                    String version = main.getValue(key);
                    if (version != null && !version.isBlank()) {
                        return version.strip();
                    }
                }
            }
        }
        Matcher matcher = NAME_AND_VERSION.matcher(jar.getFileName().toString());
        return matcher.matches() ? matcher.group(2) : "unknown";
    }

    /** Opens each jar, so that a file that is not one is reported before anything loads from it. */
    void check() throws IOException {
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                file.getManifest();
            }
        }
    }
}
