package dev.roadie.nekto.node;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A child process spoken to in JSON lines: one object a line on stdin and stdout, its stderr
 * logged. Closing it closes stdin, which the scripts take as the signal to end, then kills it
 * if it lingers. Lines from stdout go to the consumer on one reader thread, in order.
 */
public final class JsonLineProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLineProcess.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Process process;
    private final OutputStream stdin;

    private JsonLineProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.stdin = process.getOutputStream();
    }

    /**
     * Starts {@code command} in {@code directory}; {@code onLine} gets each stdout object and
     * {@code onEnd} the exit code once stdout ends.
     */
    public static JsonLineProcess start(String name, List<String> command, Path directory,
            Consumer<JsonNode> onLine, Consumer<Integer> onEnd) {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + " (" + command.getFirst() + ")", e);
        }
        JsonLineProcess started = new JsonLineProcess(name, process);
        Thread.ofPlatform().daemon().name(name + "-stdout").start(() -> started.read(onLine, onEnd));
        Thread.ofPlatform().daemon().name(name + "-stderr").start(started::logErrors);
        return started;
    }

    /** Writes one object as a line; thread-safe. */
    public void send(ObjectNode message) {
        byte[] line = (JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (stdin) {
            try {
                stdin.write(line);
                stdin.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(name + " is not taking input (did it exit?)", e);
            }
        }
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public boolean alive() {
        return process.isAlive();
    }

    private void read(Consumer<JsonNode> onLine, Consumer<Integer> onEnd) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode message;
                try {
                    message = JSON.readTree(line);
                } catch (RuntimeException e) {
                    LOG.warn("{} printed a line that is not JSON, ignored: {}", name, line);
                    continue;
                }
                onLine.accept(message);
            }
        } catch (IOException e) {
            LOG.warn("reading {}'s output failed: {}", name, e.getMessage());
        }
        try {
            onEnd.accept(process.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void logErrors() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                LOG.info("{}: {}", name, line);
            }
        } catch (IOException e) {
            LOG.debug("{}'s stderr ended: {}", name, e.getMessage());
        }
    }

    @Override
    public void close() {
        synchronized (stdin) {
            try {
                stdin.close();
            } catch (IOException e) {
                LOG.debug("{}'s stdin was already closed: {}", name, e.getMessage());
            }
        }
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
