package dev.roadie.hub.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code redis-server} (Debian's) on a free loopback port, with nothing saved to disk.
 * As a {@code static} extension it starts before a class's tests and stops after them; it can
 * be killed and started again on the same port, to cut hubs off from it.
 */
public final class RedisServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    private static final String REDIS = "/usr/bin/redis-server";

    private final List<String> extra;
    private int port;
    private Process process;
    /** Its working folder: a replica writes what it syncs there, never into the module. */
    private Path dir;

    private RedisServer(List<String> extra) {
        this.extra = List.copyOf(extra);
    }

    /** A server that starts with the class (register it on a static field). */
    public static RedisServer perClass() {
        return new RedisServer(List.of());
    }

    /** Starts one now, on a free port; close it after. */
    public static RedisServer started() {
        return started(List.of());
    }

    /** Starts one now with these arguments besides its port (such as {@code --replicaof HOST PORT}); close it after. */
    public static RedisServer started(List<String> extra) {
        RedisServer server = new RedisServer(extra);
        server.port = freePort();
        server.start();
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        port = freePort();
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Starts it (again) on its port, and returns once it accepts connections. */
    public void start() {
        if (!Files.isExecutable(Path.of(REDIS))) {
            throw new AssertionError(REDIS + " is missing: install the Debian package redis-server"
                    + " (apt-get install redis-server); bin/test does it when run as root");
        }
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("redis-server");
            }
            List<String> command = new java.util.ArrayList<>(List.of(REDIS, "--port", Integer.toString(port), "--bind",
                    "127.0.0.1", "--dir", dir.toString(), "--save", "", "--appendonly", "no", "--daemonize", "no",
                    "--loglevel", "warning"));
            command.addAll(extra);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + REDIS, e);
        }
        await("redis-server accepting on port " + port).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20)).until(this::accepts);
    }

    /** Kills it at once (SIGKILL), as a crash or a cut cable would leave it; {@link #start} brings it back. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops it (SIGSTOP) or lets it go on (SIGCONT): a stopped server keeps its connections open
     * and answers nothing, as a server stalled by its machine would.
     */
    public void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill -" + signal + " " + process.pid() + " failed");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while signalling Redis", e);
        }
    }

    /** Its URI, for {@code cluster.redis}. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        if (dir != null) {
            try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not remove the folder of redis-server " + dir, e);
            }
        }
    }
}
