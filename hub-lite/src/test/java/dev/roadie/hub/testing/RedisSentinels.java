package dev.roadie.hub.testing;

import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.sentinel.api.StatefulRedisSentinelConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Redis primary, one replica and three sentinels (Debian's {@code redis-server} and
 * {@code redis-sentinel}) on free loopback ports, the layout of docs/CLUSTER.md: the sentinels
 * fail over to the replica about a second after the primary stops answering.
 */
public final class RedisSentinels implements AutoCloseable {
    public static final String MASTER = "roadie";
    private static final String SENTINEL = "/usr/bin/redis-sentinel";

    private final RedisServer primary;
    private final RedisServer replica;
    private final List<Process> sentinels = new ArrayList<>();
    private final List<Integer> sentinelPorts = new ArrayList<>();

    private RedisSentinels(Path folder) throws IOException {
        if (!Files.isExecutable(Path.of(SENTINEL))) {
            throw new AssertionError(SENTINEL + " is missing: install the Debian package redis-sentinel"
                    + " (apt-get install redis-sentinel); bin/test does it when run as root");
        }
        this.primary = RedisServer.started();
        this.replica = RedisServer.started(List.of("--replicaof", "127.0.0.1", Integer.toString(primary.port())));
        for (int i = 0; i < 3; i++) {
            int port = RedisServer.freePort();
            Path config = folder.resolve("sentinel-" + i + ".conf");
            // Sentinel rewrites its file as it learns the others: it must be writable and its own.
            Files.writeString(config, String.join("\n", "port " + port, "bind 127.0.0.1", "daemonize no",
                    "sentinel monitor " + MASTER + " 127.0.0.1 " + primary.port() + " 2",
                    "sentinel down-after-milliseconds " + MASTER + " 1000",
                    "sentinel failover-timeout " + MASTER + " 5000", "sentinel parallel-syncs " + MASTER + " 1", ""));
            sentinels.add(new ProcessBuilder(SENTINEL, config.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
            sentinelPorts.add(port);
        }
        await("the sentinels know the replica and each other").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(this::ready);
    }

    /** Starts them all, with the sentinels' files in {@code folder}; returns once they watch the primary together. */
    public static RedisSentinels start(Path folder) {
        try {
            return new RedisSentinels(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Redis with sentinels", e);
        }
    }

    /** The URI a hub joins with: every sentinel, and the name of the primary they watch. */
    public String uri() {
        StringBuilder uri = new StringBuilder("redis-sentinel://");
        for (int i = 0; i < sentinelPorts.size(); i++) {
            uri.append(i == 0 ? "" : ",").append("127.0.0.1:").append(sentinelPorts.get(i));
        }
        return uri.append("#").append(MASTER).toString();
    }

    public RedisServer primary() {
        return primary;
    }

    public RedisServer replica() {
        return replica;
    }

    /** The port of the primary as the first sentinel names it now. */
    public int primaryPort() {
        return ask(sentinel -> ((InetSocketAddress) sentinel.sync().getMasterAddrByName(MASTER)).getPort());
    }

    private boolean ready() {
        for (int port : sentinelPorts) {
            Map<String, String> master = askAt(port, sentinel -> sentinel.sync().master(MASTER));
            if (Integer.parseInt(master.getOrDefault("num-slaves", "0")) < 1
                    || Integer.parseInt(master.getOrDefault("num-other-sentinels", "0")) < 2) {
                return false;
            }
        }
        return true;
    }

    private <T> T ask(java.util.function.Function<StatefulRedisSentinelConnection<String, String>, T> question) {
        return askAt(sentinelPorts.getFirst(), question);
    }

    private static <T> T askAt(int port,
            java.util.function.Function<StatefulRedisSentinelConnection<String, String>, T> question) {
        RedisClient client = RedisClient.create(RedisURI.create("redis://127.0.0.1:" + port));
        try (StatefulRedisSentinelConnection<String, String> sentinel = client.connectSentinel()) {
            return question.apply(sentinel);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Override
    public void close() {
        for (Process sentinel : sentinels) {
            sentinel.destroy();
            try {
                if (!sentinel.waitFor(10, TimeUnit.SECONDS)) {
                    sentinel.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                sentinel.destroyForcibly();
            }
        }
        replica.close();
        primary.close();
    }
}
