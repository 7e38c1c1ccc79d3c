package dev.roadie.hub.cluster;

import static org.awaitility.Awaitility.await;

import dev.roadie.hub.Hub;
import dev.roadie.hub.config.ConfigLoader;
import dev.roadie.hub.config.HubConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hub in a process of its own with any settings, for tests that kill it with SIGKILL. Arguments:
 * the data folder, then {@code key=value} settings. It prints {@code READY <port> <epoch>} and
 * runs until killed; its log and that line go to a file (see {@link #start}).
 */
public final class SettingsHubProcess {
    private SettingsHubProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path data = Path.of(args[0]);
        Map<String, String> settings = new HashMap<>(Map.of("host", "127.0.0.1", "port", "0", "data",
                data.toString()));
        for (int i = 1; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            settings.put(pair[0], pair[1]);
        }
        HubConfig config = ConfigLoader.load(null, data, Map.of(), settings);
        Hub hub = Hub.start(config);
        System.out.println("READY " + hub.port() + " " + hub.epoch());
        System.out.flush();
        Thread.currentThread().join();
    }

    /** Starts a hub process on this JVM's class path; its output goes to {@code log}. */
    public static Process start(Path log, Path data, Map<String, String> settings) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), SettingsHubProcess.class.getName(),
                data.toString()));
        settings.forEach((key, value) -> command.add(key + "=" + value));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The READY line of the process logging to {@code log}, split: {@code READY}, its port, its epoch. */
    public static String[] awaitReady(Process process, Path log) {
        return await("the hub process ready (its log: " + log + ")").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("the hub process ended: " + Files.readString(log));
                    }
                    return Files.readAllLines(log).stream().filter(line -> line.startsWith("READY ")).findFirst()
                            .map(line -> line.split(" ")).orElse(null);
                }, ready -> ready != null);
    }
}
