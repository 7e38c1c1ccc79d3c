package dev.roadie.hub.cluster;

import static dev.roadie.hub.testing.Frames.message;

import dev.roadie.hub.testing.RedisServer;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Reply;
import dev.roadie.model.wire.Request;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A first measurement of the cross-hub path, not the benchmark: two hubs in one JVM on a real
 * Redis, one sender and one receiver, one frame at a time (closed loop), the same pair on one
 * hub beside it. Prints percentiles of the one-way message time and the request round trip.
 * Run from the module: see docs/CLUSTER.md, "A first measurement".
 */
public final class ClusterLatencyProbe {
    private static final int WARM_UP = 2_000;
    private static final int MEASURED = 5_000;

    private ClusterLatencyProbe() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Files.createTempDirectory("cluster-probe");
        try (RedisServer redis = RedisServer.started();
                ClusterHubs cluster = new ClusterHubs(folder, redis.uri(), Map.of("cluster.lease", "5s",
                // One client sends far faster than the per-client defaults allow.
                "limits.framesPerSecond", "1000000", "limits.frameBurst", "1000000"))) {
            TestHub a = cluster.start();
            TestHub b = cluster.start();
            measure("same hub   ", a, a, "same");
            measure("across hubs", a, b, "across");
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static void measure(String label, TestHub senderHub, TestHub receiverHub, String name) {
        WireClient receiver = receiverHub.client(name, "echo").respondWith(request -> Reply.ok(request.id(), null));
        WireClient sender = senderHub.client("probe-" + name, "bench", "send:echo");
        Address to = Address.service("echo", name);
        if (senderHub != receiverHub) {
            ClusterHubs.awaitSeen(senderHub, to, 1);
        }
        long[] oneWay = new long[MEASURED];
        long[] roundTrip = new long[MEASURED];
        for (int i = -WARM_UP; i < MEASURED; i++) {
            long start = System.nanoTime();
            sender.sendNumbered(message("m-" + i, to));
            receiver.expect(Message.class);
            long arrived = System.nanoTime();
            sender.sendNumbered(new Request(0, "r-" + i, null, to, "ping", null, 5000));
            sender.expect(Reply.class);
            long answered = System.nanoTime();
            if (i >= 0) {
                oneWay[i] = arrived - start;
                roundTrip[i] = answered - arrived;
            }
            // The test client keeps the acks it skips over: drop them, so that its scan stays out of the figures.
            sender.clearReceived();
            receiver.clearReceived();
        }
        System.out.println(label + "  message one way " + percentiles(oneWay) + "   request round trip "
                + percentiles(roundTrip));
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms", at(sorted, 0.50),
                at(sorted, 0.99), at(sorted, 0.999));
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }
}
