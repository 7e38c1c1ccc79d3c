package dev.roadie.bench.peers;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** Versions of everything in the report: libraries from the build, programs from their own output. */
public final class Versions {
    /** The project's version, from the build. */
    public static final String ROADIE_VERSION = "0.1.0-SNAPSHOT";
    private static final Properties LIBRARIES = load();

    private Versions() {
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/bench-versions.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** The version of a library the bench module was built with ({@code jnats}, {@code jetty}, ...). */
    public static String library(String name) {
        return LIBRARIES.getProperty(name, "unknown");
    }

    /** The first line a program prints for {@code command}, or why it could not be read. */
    public static String command(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            process.waitFor(30, TimeUnit.SECONDS);
            return out.isEmpty() ? "unknown" : out.lines().findFirst().orElse("unknown");
        } catch (IOException e) {
            return "not found (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** The commit the hub was built from: the property roadie.bench.commit when bin/bench set it, else git's answer. */
    public static String roadieCommit(Path root) {
        String commit = System.getProperty("roadie.bench.commit");
        if (commit != null && !commit.isBlank()) {
            return commit;
        }
        return command("git", "-C", root.toString(), "describe", "--always", "--dirty");
    }

    /** A program's path on the PATH. */
    public static Optional<String> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        for (String dir : new String[] {"/usr/sbin", "/usr/local/sbin", "/sbin"}) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }
}
