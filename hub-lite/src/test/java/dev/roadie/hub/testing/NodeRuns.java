package dev.roadie.hub.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Node side of a test (the JavaScript client's tests, the Chrome extension's): checks
 * that node and npm are there, installs a folder's dev dependencies when they are missing or
 * older than its lock file, and runs commands with their output in the test's log.
 */
public final class NodeRuns {
    private static final Logger log = LoggerFactory.getLogger(NodeRuns.class);
    private static final Pattern TAP_COUNT = Pattern.compile("^# (tests|pass|fail|cancelled|skipped|todo) (\\d+)$");

    private NodeRuns() {
    }

    /** What a command printed (stdout and stderr, line by line) and how it ended. */
    public record Run(int exitCode, List<String> output) {
        /** The counts node's TAP reporter prints at the end ({@code # pass 7}). */
        public Map<String, Integer> tapSummary() {
            Map<String, Integer> counts = new HashMap<>();
            for (String line : output) {
                Matcher matcher = TAP_COUNT.matcher(line.strip());
                if (matcher.matches()) {
                    counts.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
                }
            }
            return counts;
        }
    }

    /** Fails, saying what to install, when node or npm is missing. */
    public static void requireNode() throws InterruptedException {
        for (String program : List.of("node", "npm")) {
            try {
                Process process = new ProcessBuilder(program, "--version").redirectErrorStream(true).start();
                process.getInputStream().readAllBytes();
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    fail(program + " --version failed: install Debian packages nodejs and npm");
                }
            } catch (IOException e) {
                fail("'" + program + "' is not installed: install Debian packages nodejs and npm (" + e.getMessage() + ")");
            }
        }
    }

    /**
     * {@code npm ci} in {@code folder} unless its {@code node_modules} holds each of {@code packages}
     * and is newer than the lock file (npm records what it installed in
     * {@code node_modules/.package-lock.json}).
     */
    public static void installUnlessCurrent(Path folder, String... packages) throws IOException, InterruptedException {
        Path modules = folder.resolve("node_modules");
        Path installed = modules.resolve(".package-lock.json");
        boolean current = Files.exists(installed) && Files.getLastModifiedTime(installed)
                .compareTo(Files.getLastModifiedTime(folder.resolve("package-lock.json"))) >= 0;
        for (String name : packages) {
            current &= Files.exists(modules.resolve(name).resolve("package.json"));
        }
        if (!current) {
            Run install = run(folder, List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 5);
            assertThat(install.exitCode()).as("npm ci in %s; its output is in the log above", folder.toAbsolutePath())
                    .isZero();
        }
    }

    /** Runs a command in a folder, logging its output line by line as it comes; fails past the timeout. */
    public static Run run(Path folder, List<String> command, Map<String, String> env, long timeoutMinutes)
            throws IOException, InterruptedException {
        log.info("Running {} in {}", String.join(" ", command), folder.toAbsolutePath());
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        String name = Path.of(command.getFirst()).getFileName().toString();
        Thread reader = Thread.ofPlatform().name(name + "-output").daemon().start(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                    log.info("[{}] {}", name, line);
                }
            } catch (IOException e) {
                log.warn("Reading the output of {} failed", name, e);
            }
        });
        if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail(String.join(" ", command) + " did not finish within " + timeoutMinutes + " minutes");
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return new Run(process.exitValue(), List.copyOf(output));
    }
}
