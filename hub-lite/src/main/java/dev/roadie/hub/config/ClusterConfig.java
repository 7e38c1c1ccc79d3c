package dev.roadie.hub.config;

import dev.roadie.model.wire.Names;
import java.time.Duration;
import java.util.Optional;

/**
 * Joining other hubs through Redis (docs/CLUSTER.md). A single hub leaves {@code redis} at
 * {@code none} and needs no Redis at all.
 *
 * @param redis the cluster's Redis, {@code redis://[:PASSWORD@]HOST:PORT[/DB]} (or {@code rediss://}), or
 *              {@code none} for a hub on its own
 * @param name  the prefix of the cluster's keys and channels in Redis, so that clusters can share one Redis
 * @param lease how long a hub's presence outlives its last heartbeat; it renews it five times per lease
 * @param publicUrl the socket URL clients reach this hub at, which the welcome lists for them to fail
 *              over to ({@code ws://} or {@code wss://}); {@code auto} for {@code ws://HOST:PORT/ws}
 *              when {@code host} is one address, nothing when it listens on all; {@code none}
 */
public record ClusterConfig(String redis, String name, Duration lease, String publicUrl) {
    /** The URI schemes Lettuce connects with. */
    private static final String SCHEMES = "redis://, rediss:// or redis-sentinel://";

    public ClusterConfig {
        Require.requireSet("cluster.redis", redis);
        if (!"none".equals(redis) && !(redis.startsWith("redis://") || redis.startsWith("rediss://")
                || redis.startsWith("redis-sentinel://"))) {
            // The value may hold a password: the complaint names the scheme only.
            throw ConfigException.invalid("cluster.redis", "expected a Redis URI starting " + SCHEMES + ", or none",
                    redis.contains("://") ? redis.substring(0, redis.indexOf("://") + 3) + "..." : "(not a URI)");
        }
        if (!Names.isName(Require.requireSet("cluster.name", name))) {
            throw ConfigException.invalid("cluster.name", "expected a name (a-z, 0-9, '.', '_', '-')", name);
        }
        Require.between("cluster.lease", lease, Duration.ofMillis(500), Duration.ofMinutes(5));
        Require.requireSet("cluster.publicUrl", publicUrl);
        if (!"auto".equals(publicUrl) && !"none".equals(publicUrl) && !publicUrl.matches("wss?://[^\\s/]+/\\S*")) {
            throw ConfigException.invalid("cluster.publicUrl", "expected auto, none, or the URL clients reach this"
                    + " hub's socket at, ws://HOST:PORT/ws or wss://HOST/ws", publicUrl);
        }
    }

    /**
     * The socket URL this hub gives clients in its welcome, from {@code publicUrl}: as set, or for
     * {@code auto} {@code ws://HOST:PORT/ws} when the hub listens on one address; empty for none.
     *
     * @param host the address the hub listens on
     * @param port the port it listens on
     */
    public Optional<String> advertisedUrl(String host, int port) {
        if ("none".equals(publicUrl)) {
            return Optional.empty();
        }
        if (!"auto".equals(publicUrl)) {
            return Optional.of(publicUrl);
        }
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") || host.isBlank()) {
            return Optional.empty(); // every address: which of them reaches clients is not the hub's to guess
        }
        return Optional.of("ws://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":"
                + port + "/ws");
    }

    /** The Redis to join, when this hub is part of a cluster. */
    public Optional<String> redisUri() {
        return "none".equals(redis) ? Optional.empty() : Optional.of(redis);
    }
}
