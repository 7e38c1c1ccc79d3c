package dev.roadie.cli.chaos;

import dev.roadie.cli.RoadieCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * The hub as users run it: {@code java -jar target/roadie.jar serve} in a process of its own,
 * which a test can kill outright (SIGKILL, no goodbye) and start again on the same port and
 * data folder.
 */
final class HubProcess implements AutoCloseable {
    private static final Duration START_BOUND = Duration.ofSeconds(60);

    private final Path data;
    private final String host;
    private final int port;
    private final Map<String, String> settings;
    private final Path log;
    private Process process;

    private HubProcess(Path data, String host, int port, Map<String, String> settings) {
        this.data = data;
        this.host = host;
        this.port = port;
        this.settings = settings;
        this.log = data.resolveSibling(data.getFileName() + "-hub.log");
    }

    /** Starts a hub on a free port of {@code host} with these settings ({@code --set key=value}). */
    static HubProcess start(Path data, String host, Map<String, String> settings) {
        HubProcess hub = new HubProcess(data, host, freePort(host), settings);
        hub.start();
        return hub;
    }

    /** Starts the process and waits until /api/health answers. */
    void start() {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "--enable-native-access=ALL-UNNAMED", "-jar",
                jar().toString(), "serve", "--host", host, "--port", Integer.toString(port), "--data",
                data.toString()));
        settings.forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + START_BOUND.toNanos();
        while (!healthy()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the hub did not start; its log: " + readLog());
            }
            try {
                // Polling a starting process: there is nothing to wait on but its port.
                process.waitFor(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Kills the hub with SIGKILL: no goodbye, no clean close, as a crash or a power cut. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int port() {
        return port;
    }

    URI uri() {
        return URI.create("ws://" + host + ":" + port + "/ws");
    }

    /** A new token, made with the real {@code roadie token create} on the hub's data folder. */
    String token(String name, String kind, String... scopes) {
        List<String> args = new ArrayList<>(List.of("token", "create", "--data", data.toString(), "--name", name,
                "--kind", kind));
        for (String scope : scopes) {
            args.addAll(List.of("--scope", scope));
        }
        StringWriter out = new StringWriter();
        CommandLine roadie = RoadieCommand.commandLine();
        roadie.setOut(new PrintWriter(out, true));
        int exit = roadie.execute(args.toArray(String[]::new));
        if (exit != 0) {
            throw new IllegalStateException("roadie token create failed with " + exit + ": " + out);
        }
        String[] lines = out.toString().strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    String readLog() {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no log)";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private boolean healthy() {
        try {
            HttpURLConnection http = (HttpURLConnection) URI.create("http://" + host + ":" + port + "/api/health")
                    .toURL().openConnection();
            http.setConnectTimeout(500);
            http.setReadTimeout(500);
            return http.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path jar() {
        Path jar = Path.of("target", "roadie.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: chaos tests run after packaging (mvn verify)");
        }
        return jar;
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
