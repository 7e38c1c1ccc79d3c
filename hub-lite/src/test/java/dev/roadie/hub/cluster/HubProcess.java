package dev.roadie.hub.cluster;

import dev.roadie.hub.Hub;
import dev.roadie.hub.config.ConfigLoader;
import dev.roadie.hub.config.HubConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A hub in a process of its own, for tests that kill it with SIGKILL: it starts with the cluster
 * settings it is given, makes one token, prints {@code READY <port> <token>} and runs until killed.
 * Arguments: data folder, Redis URI, cluster name, token name, token kind, cluster lease, and
 * optionally the token's scopes (comma-separated) and a further identity {@code KIND/NAME} to make
 * a token for (so that the hub knows it as a receiver of durable messages). Tests start it with
 * {@link #start} and wait for it with {@link #readReady}.
 */
public final class HubProcess {
    private HubProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path data = Path.of(args[0]);
        HubConfig config = ConfigLoader.load(null, data, Map.of(), Map.of("host", "127.0.0.1", "port", "0",
                "data", data.toString(), "heartbeat.interval", "200ms", "cluster.redis", args[1], "cluster.name",
                args[2], "cluster.lease", args[5]));
        Hub hub = Hub.start(config);
        List<String> scopes = args.length > 6 && !args[6].isEmpty() ? List.of(args[6].split(",")) : List.of();
        String token = hub.context().tokens().create(args[3], args[4], scopes).token();
        if (args.length > 7) {
            String[] known = args[7].split("/");
            hub.context().tokens().create(known[1], known[0], List.of());
        }
        System.out.println("READY " + hub.port() + " " + token);
        System.out.flush();
        Thread.currentThread().join();
    }

    /** Starts a hub process on this JVM's class path with {@code args} as {@link #main} takes them; its errors are dropped. */
    public static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HubProcess.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /**
     * The process's READY line, split ({@code READY}, its port, its token); what it prints after is
     * read and dropped, so that it never blocks.
     */
    public static String[] readReady(Process process) throws Exception {
        CompletableFuture<String[]> ready = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("hub-process-output").start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("READY ")) {
                        ready.complete(line.split(" "));
                    }
                }
                ready.completeExceptionally(new AssertionError("the hub process ended before it was ready (exit "
                        + exitOf(process) + ")"));
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
        });
        return ready.get(60, TimeUnit.SECONDS);
    }

    private static int exitOf(Process process) {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
