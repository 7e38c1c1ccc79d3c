package dev.roadie.hub.cluster;

import static dev.roadie.hub.testing.Frames.json;

import dev.roadie.hub.testing.RedisServer;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The cross-hub path under a steady rate, not the benchmark: two hubs in one JVM on a real Redis,
 * one sender on the first hub sending to one receiver on the second at a fixed rate (open loop,
 * 8,000 messages a second by default, or the first argument), and the same pair on one hub beside
 * it. Prints the achieved rate and percentiles of the one-way time: a path that cannot keep up
 * shows as a backlog (a median of tens of milliseconds and growing). Run as
 * {@link ClusterLatencyProbe} is (docs/CLUSTER.md, "A first measurement").
 */
public final class ClusterRateProbe {
    private static final int WARM_UP_SECONDS = 2;
    private static final int MEASURED_SECONDS = 3;
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(30);

    private ClusterRateProbe() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 8_000;
        Path folder = Files.createTempDirectory("cluster-rate-probe");
        try (RedisServer redis = RedisServer.started();
                ClusterHubs cluster = new ClusterHubs(folder, redis.uri(), Map.of("cluster.lease", "5s",
                        "limits.framesPerSecond", "1000000", "limits.frameBurst", "1000000"))) {
            TestHub a = cluster.start();
            TestHub b = cluster.start();
            measure("same hub   ", a, a, "same", rate);
            measure("across hubs", a, b, "across", rate);
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static void measure(String label, TestHub senderHub, TestHub receiverHub, String name, int rate)
            throws InterruptedException {
        WireClient receiver = receiverHub.client(name, "echo");
        WireClient sender = senderHub.client("probe-" + name, "bench", "send:echo");
        Address to = Address.service("echo", name);
        if (senderHub != receiverHub) {
            ClusterHubs.awaitSeen(senderHub, to, 1);
        }
        int warmUp = WARM_UP_SECONDS * rate;
        int total = warmUp + MEASURED_SECONDS * rate;
        long[] latency = new long[total - warmUp];
        long[] measuredStart = new long[1];
        long[] lastArrival = new long[1];
        Thread taker = Thread.ofPlatform().name("probe-receiver").start(() -> {
            long deadline = System.nanoTime() + DRAIN_NANOS + TimeUnit.SECONDS.toNanos(WARM_UP_SECONDS + MEASURED_SECONDS);
            for (int got = 0; got < total && System.nanoTime() < deadline; got++) {
                Message message = receiver.expect(Message.class);
                long now = System.nanoTime();
                int n = message.body().get("n").asInt();
                if (n >= warmUp) {
                    latency[n - warmUp] = now - message.body().get("t").asLong();
                }
                lastArrival[0] = now;
            }
        });
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int n = 0; n < total; n++) {
            long due = start + n * interval;
            long wait = due - System.nanoTime();
            if (wait > 50_000) {
                LockSupport.parkNanos(wait);
            }
            if (n == warmUp) {
                measuredStart[0] = System.nanoTime();
            }
            sender.sendNumbered(new Message(0, "m-" + n, null, to, "probe",
                    json("{\"n\":" + n + ",\"t\":" + System.nanoTime() + "}"), false));
            if (n % 1000 == 0) {
                sender.clearReceived(); // its acks: dropped so that they do not pile up
            }
        }
        taker.join();
        long missing = Arrays.stream(latency).filter(l -> l == 0).count();
        double seconds = (lastArrival[0] - measuredStart[0]) / 1e9;
        System.out.println(String.format(Locale.ROOT, "%s  %,d/s offered: %,.0f/s achieved, %s, missing %d", label, rate,
                (total - warmUp) / seconds, percentiles(latency), missing));
        receiver.close();
        sender.close();
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, max %.2f ms", at(sorted, 0.50),
                at(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }
}
