package dev.roadie.desktop.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.connections.impl.DBusConnection;

/**
 * A real session bus of the test's own: {@code dbus-daemon --session} listening on a socket in
 * {@code folder}, as a desktop session has one; {@code bin/test} installs it.
 */
public final class TestBus implements AutoCloseable {
    private final Process daemon;
    private final String address;
    private final List<DBusConnection> connections = new ArrayList<>();

    public TestBus(Path folder) {
        assertThat(Path.of("/usr/bin/dbus-daemon")).as("dbus-daemon, for a session bus: apt-get install dbus-daemon")
                .exists();
        try {
            Files.createDirectories(folder);
            daemon = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--print-address=1",
                    "--address=unix:path=" + folder.resolve("bus")).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String line = new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(line).as("the address dbus-daemon prints when it listens").isNotBlank();
            address = line.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String address() {
        return address;
    }

    /** A connection of the test's own (closed with the bus). */
    public DBusConnection connect() {
        DBusConnection connection = SessionBus.connect(address).orElseThrow();
        connections.add(connection);
        return connection;
    }

    /** Starts {@code command} with this bus as its session bus. */
    public ProcessBuilder process(String... command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DBUS_SESSION_BUS_ADDRESS", address);
        return builder;
    }

    /** {@code playerctl -p roadie ARGS} on this bus: what it printed, trimmed. */
    public String playerctl(String... args) {
        assertThat(Path.of("/usr/bin/playerctl")).as("playerctl: apt-get install playerctl").exists();
        List<String> command = new ArrayList<>(List.of("playerctl", "-p", "roadie"));
        command.addAll(List.of(args));
        try {
            return finish(process(command.toArray(String[]::new)).start(), Duration.ofSeconds(10));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String finish(Process process, Duration deadline) throws IOException {
        try {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
            return out.strip();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        for (DBusConnection connection : connections) {
            connection.disconnect();
        }
        daemon.destroy();
    }
}
