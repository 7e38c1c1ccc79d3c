package dev.roadie.audio.voice;

import com.sun.management.OperatingSystemMXBean;
import dev.arbjerg.lavalink.client.LavalinkClient;
import dev.arbjerg.lavalink.client.LavalinkNode;
import dev.arbjerg.lavalink.client.NodeOptions;
import dev.arbjerg.lavalink.client.player.Track;
import dev.arbjerg.lavalink.client.player.TrackLoaded;
import dev.arbjerg.lavalink.protocol.v4.VoiceState;
import dev.roadie.audio.AudioNode;
import dev.roadie.audio.AudioNodeConfig;
import dev.roadie.voice.fake.FakeDiscordVoiceServer;
import dev.roadie.voice.testing.Intervals;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * How many players one node streams at once: raises the number of players, each playing a tone
 * into its own fake Discord voice server, until fewer than 99.9 % of the 20 ms frames due in a
 * measuring window arrive on time (no later than one frame behind the 20 ms grid; a frame that
 * never came is late). Prints, per level, the share on time, CPU and heap per player.
 *
 * <p>Not a test: run with {@code bin/audio-capacity}. The fake servers run in the same JVM, so CPU
 * and heap include their receiving and decrypting: the figures are upper bounds for the node.
 */
public final class CapacityBench {
    private static final String PASSWORD = "bench";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final double ON_TIME_NEEDED = 0.999;

    public static void main(String[] args) throws Exception {
        Duration window = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 5);
        int[] levels = {5, 10, 15, 20, 25, 30, 40, 50, 75, 100, 150, 200, 300, 400};
        Path tone = Files.createTempFile("capacity-tone", ".wav");
        Files.write(tone, VoiceEndToEndTest.wav(new double[] {440}, 120));
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (AudioNode node = new AudioNode(new AudioNodeConfig("127.0.0.1", 0, PASSWORD, Duration.ofSeconds(60),
                Duration.ofSeconds(5))).start();
             LavalinkClient client = new LavalinkClient(104L)) {
            LavalinkNode lavalink = client.addNode(new NodeOptions.Builder().setName("roadie")
                    .setServerUri("ws://127.0.0.1:" + node.port()).setPassword(PASSWORD).build());
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!lavalink.getAvailable() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
            Track track = ((TrackLoaded) lavalink.loadItem(tone.toString()).block(WAIT)).getTrack();
            System.out.printf(Locale.ROOT, "Audio node capacity: %d cores, Java %s, max heap %d MB, %d s windows%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory() >> 20, window.toSeconds());
            System.out.println("players | frames on time | worst player | frames missing | CPU (of one core) per player | heap per player | load average");
            long idleHeap = heapAfterGc(memory);
            for (int players : levels) {
                double onTime = measure(lavalink, track, players, window, os, memory, idleHeap);
                if (onTime < ON_TIME_NEEDED) {
                    System.out.printf(Locale.ROOT, "Capacity: below %d players (%.3f %% on time at %d)%n", players,
                            onTime * 100, players);
                    return;
                }
            }
            System.out.println("Capacity: every level kept 99.9 % on time");
        }
    }

    private static double measure(LavalinkNode lavalink, Track track, int players, Duration window,
            OperatingSystemMXBean os, MemoryMXBean memory, long idleHeap) throws Exception {
        List<FakeDiscordVoiceServer> servers = new ArrayList<>();
        try {
            for (int i = 0; i < players; i++) {
                FakeDiscordVoiceServer server = FakeDiscordVoiceServer.start(0x1000 + i);
                servers.add(server);
                long guild = 1000L + i;
                lavalink.updatePlayer(guild, update -> update.setVoiceState(new VoiceState("token", server.endpoint(),
                        "session-" + guild)).setTrack(track)).block(WAIT);
            }
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (servers.stream().anyMatch(server -> server.clientAudio().count() < 50) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
            long heap = heapAfterGc(memory);
            long start = System.nanoTime();
            long cpuStart = os.getProcessCpuTime();
            LockSupport.parkNanos(window.toNanos());
            long end = System.nanoTime();
            long cpu = os.getProcessCpuTime() - cpuStart;
            long due = 0;
            long onTime = 0;
            long missing = 0;
            double worst = 1.0;
            for (FakeDiscordVoiceServer server : servers) {
                List<Long> arrivals = server.clientAudio().audioArrivals().stream()
                        .filter(at -> at >= start && at < end).toList();
                long expected = (end - start) / 20_000_000L;
                due += expected;
                missing += Math.max(0, expected - arrivals.size());
                long playerOnTime = arrivals.size() < 2 ? 0
                        : Math.min(expected, Math.round(arrivals.size() * (1 - Intervals.shareLateOnGrid(arrivals, 20.0, 20.0))));
                onTime += playerOnTime;
                worst = Math.min(worst, (double) playerOnTime / expected);
            }
            double share = (double) onTime / due;
            double cpuPerPlayer = (double) cpu / (end - start) / players;
            System.out.printf(Locale.ROOT, "%7d | %13.3f %% | %12.3f %% | %14d | %26.2f %% | %12.0f KB | %.2f%n", players,
                    share * 100, worst * 100, missing, cpuPerPlayer * 100, (heap - idleHeap) / 1024.0 / players,
                    os.getSystemLoadAverage());
            return share;
        } finally {
            for (int i = 0; i < servers.size(); i++) {
                lavalink.destroyPlayerAndLink(1000L + i).block(WAIT);
            }
            for (FakeDiscordVoiceServer server : servers) {
                server.close();
            }
        }
    }

    private static long heapAfterGc(MemoryMXBean memory) {
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
