package dev.roadie.hub.cluster;

import static org.awaitility.Awaitility.await;

import dev.roadie.hub.testing.TestHub;
import dev.roadie.model.wire.Address;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Hubs of one cluster for a test, each with its own data folder and port, closed together. */
final class ClusterHubs implements AutoCloseable {
    /** A cluster name per use, so that tests sharing one Redis never see each other's hubs. */
    private static final AtomicInteger CLUSTERS = new AtomicInteger();

    private final Path folder;
    private final Map<String, String> settings = new HashMap<>();
    private final List<TestHub> hubs = new ArrayList<>();

    ClusterHubs(Path folder, String redisUri, Map<String, String> more) {
        this.folder = folder;
        settings.put("cluster.redis", redisUri);
        settings.put("cluster.name", "test-" + CLUSTERS.incrementAndGet());
        settings.put("cluster.lease", "1s");
        settings.putAll(more);
    }

    ClusterHubs(Path folder, String redisUri) {
        this(folder, redisUri, Map.of());
    }

    /** The cluster's name: the prefix of its keys and channels. */
    String name() {
        return settings.get("cluster.name");
    }

    /** Starts one more hub of the cluster. */
    TestHub start() {
        TestHub hub = TestHub.start(folder.resolve("hub-" + hubs.size()), settings);
        hubs.add(hub);
        return hub;
    }

    /** Stops one hub now (cleanly: it leaves the cluster at once). */
    void stop(TestHub hub) {
        hubs.remove(hub);
        hub.close();
    }

    /** Waits until {@code hub} sees {@code count} receivers of {@code to} on the other hubs. */
    static void awaitSeen(TestHub hub, Address to, int count) {
        Cluster cluster = hub.hub().cluster().orElseThrow();
        await(hub.hub().epoch() + " seeing " + count + " receivers of " + to.text() + " elsewhere")
                .atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> cluster.receivers(to).size() == count);
    }

    @Override
    public void close() {
        for (TestHub hub : hubs.reversed()) {
            hub.close();
        }
    }
}
