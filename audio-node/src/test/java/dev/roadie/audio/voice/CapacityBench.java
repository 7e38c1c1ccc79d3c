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
import dev.roadie.voice.fake.FakeDaveUser;
import dev.roadie.voice.fake.FakeDiscordVoiceServer;
import dev.roadie.voice.media.EndToEnd;
import dev.roadie.voice.testing.Intervals;
import dev.roadie.voice.testing.Wav;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * How many players one node streams at once: raises the number of players, each playing a tone
 * into its own fake Discord voice server, until fewer than 99.9 % of the 20 ms frames due in a
 * measuring window arrive on time (no later than one frame behind the 20 ms grid; a frame that
 * never came is late). Prints, per level, the share on time, CPU and heap per player.
 *
 * <p>With {@code --dave} each call is end-to-end encrypted: every fake server asks for DAVE and a
 * DAVE user of its own joins the call, the group forms with the node's bot, and the server opens
 * each frame with that user's keys (a frame that does not open never arrives, so it is late); a
 * frame that crossed without DAVE is counted apart. {@code --players=25,50} measures those levels
 * only, each whatever the one before gave.
 *
 * <p>Not a test: run with {@code bin/audio-capacity}. The fake servers run in the same JVM, so CPU
 * and heap include their receiving and decrypting: the figures are upper bounds for the node.
 */
public final class CapacityBench {
    private static final String PASSWORD = "bench";
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** DAVE groups form one MLS operation at a time in the JVM (MlsLock), the fake users' included. */
    private static final Duration GROUPS_WAIT = Duration.ofSeconds(240);
    private static final double ON_TIME_NEEDED = 0.999;
    private static final long BOT = 104L;
    private static final long FIRST_CHANNEL = 127_000_000_000_000_000L;
    private static final long FIRST_USER = 380_000_000_000_000_000L;

    public static void main(String[] args) throws Exception {
        Duration window = Duration.ofSeconds(5);
        int[] levels = {5, 10, 15, 20, 25, 30, 40, 50, 75, 100, 150, 200, 300, 400};
        boolean dave = false;
        boolean chosenLevels = false;
        for (String arg : args) {
            if (arg.equals("--dave")) {
                dave = true;
            } else if (arg.startsWith("--players=")) {
                levels = Arrays.stream(arg.substring("--players=".length()).split(",")).mapToInt(Integer::parseInt).toArray();
                chosenLevels = true;
            } else if (arg.matches("\\d+")) {
                window = Duration.ofSeconds(Integer.parseInt(arg));
            } else {
                System.err.println("Usage: bin/audio-capacity [window seconds] [--dave] [--players=25,50]; '" + arg + "' is none of them");
                System.exit(2);
            }
        }
        Path tone = Files.createTempFile("capacity-tone", ".wav");
        Files.write(tone, Wav.tone(440, 120));
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (AudioNode node = new AudioNode(new AudioNodeConfig("127.0.0.1", 0, PASSWORD, Duration.ofSeconds(60),
                Duration.ofSeconds(5))).start();
             LavalinkClient client = new LavalinkClient(BOT)) {
            LavalinkNode lavalink = client.addNode(new NodeOptions.Builder().setName("roadie")
                    .setServerUri("ws://127.0.0.1:" + node.port()).setPassword(PASSWORD).build());
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!lavalink.getAvailable() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
            Track track = ((TrackLoaded) lavalink.loadItem(tone.toString()).block(WAIT)).getTrack();
            System.out.printf(Locale.ROOT, "Audio node capacity: %d cores, Java %s, max heap %d MB, %d s windows, %s; load average %.2f%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory() >> 20, window.toSeconds(),
                    dave ? "DAVE negotiated (a DAVE user per call)" : "transport encryption only", os.getSystemLoadAverage());
            System.out.println("players | frames on time | worst player | frames missing | CPU (of one core) per player | heap per player | load average"
                    + (dave ? " | frames without DAVE" : ""));
            long idleHeap = heapAfterGc(memory);
            for (int players : levels) {
                double onTime = measure(lavalink, track, players, window, dave, os, memory, idleHeap);
                if (onTime < ON_TIME_NEEDED && !chosenLevels) {
                    System.out.printf(Locale.ROOT, "Capacity: below %d players (%.3f %% on time at %d)%n", players,
                            onTime * 100, players);
                    return;
                }
            }
            System.out.println(chosenLevels ? "Measured the levels asked for" : "Capacity: every level kept 99.9 % on time");
        }
    }

    private static double measure(LavalinkNode lavalink, Track track, int players, Duration window, boolean dave,
            OperatingSystemMXBean os, MemoryMXBean memory, long idleHeap) throws Exception {
        List<FakeDiscordVoiceServer> servers = new ArrayList<>();
        List<FakeDaveUser> users = new ArrayList<>();
        AtomicLong withoutDave = new AtomicLong();
        try {
            for (int i = 0; i < players; i++) {
                FakeDiscordVoiceServer server = dave ? FakeDiscordVoiceServer.startWithDave(0x1000 + i, BOT, FIRST_CHANNEL + i)
                        : FakeDiscordVoiceServer.start(0x1000 + i);
                servers.add(server);
                long guild = 1000L + i;
                // lavalink-client 3.2.0 sends no channelId: with DAVE the node learns the group from the gateway.
                lavalink.updatePlayer(guild, update -> update.setVoiceState(new VoiceState("token", server.endpoint(),
                        "session-" + guild)).setTrack(track)).block(WAIT);
            }
            if (dave) {
                for (int i = 0; i < players; i++) {
                    FakeDiscordVoiceServer server = servers.get(i);
                    awaitTrue(() -> server.clientAudio().count() > 0, WAIT, "player " + i + "'s call to connect");
                    FakeDaveUser user = server.daveUserJoins(FIRST_USER + i, 0x2000 + i);
                    users.add(user);
                    server.udp().useEndToEnd(counting(user.frames(), withoutDave));
                }
                for (int i = 0; i < players; i++) {
                    FakeDiscordVoiceServer server = servers.get(i);
                    FakeDaveUser user = users.get(i);
                    awaitTrue(() -> user.epoch() >= 1 && !user.frames().sendingPassthrough()
                            && server.dave().members().contains(BOT), GROUPS_WAIT, "player " + i + "'s DAVE group to form");
                }
            }
            // Every player 50 frames further (with DAVE: 50 since its group formed) before measuring.
            int[] counts = servers.stream().mapToInt(server -> server.clientAudio().count()).toArray();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (IntStream.range(0, players).anyMatch(i -> servers.get(i).clientAudio().count() < counts[i] + 50)
                    && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
            long behind = IntStream.range(0, players).filter(i -> servers.get(i).clientAudio().count() < counts[i] + 50).count();
            if (behind > 0) {
                // Measured all the same: their frames count as missing, and the line says why.
                System.out.printf(Locale.ROOT, "(%d of %d players had not sent 50 frames %d s after they were due to)%n",
                        behind, players, WAIT.toSeconds());
            }
            long heap = heapAfterGc(memory);
            withoutDave.set(0);
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
            System.out.printf(Locale.ROOT, "%7d | %13.3f %% | %12.3f %% | %14d | %26.2f %% | %12.0f KB | %12.2f%s%n", players,
                    share * 100, worst * 100, missing, cpuPerPlayer * 100, (heap - idleHeap) / 1024.0 / players,
                    os.getSystemLoadAverage(), dave ? String.format(Locale.ROOT, " | %d", withoutDave.get()) : "");
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

    /** The user's keys open the bot's frames; a frame without DAVE's marker is counted. */
    private static EndToEnd counting(EndToEnd userKeys, AtomicLong withoutDave) {
        return new EndToEnd() {
            @Override
            public byte[] protect(byte[] opusFrame) {
                return userKeys.protect(opusFrame);
            }

            @Override
            public byte[] unprotect(long userId, byte[] frame) {
                boolean marked = frame.length > 2 && (frame[frame.length - 1] & 0xff) == 0xFA
                        && (frame[frame.length - 2] & 0xff) == 0xFA;
                if (!marked) {
                    withoutDave.incrementAndGet();
                }
                return userKeys.unprotect(userId, frame);
            }
        };
    }

    private static void awaitTrue(BooleanSupplier condition, Duration wait, String what) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited " + wait.toSeconds() + " s for " + what + "; stopping the run");
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    private static long heapAfterGc(MemoryMXBean memory) {
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
