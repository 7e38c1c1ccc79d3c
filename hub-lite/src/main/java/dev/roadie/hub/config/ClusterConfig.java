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
 */
public record ClusterConfig(String redis, String name, Duration lease) {
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
    }

    /** The Redis to join, when this hub is part of a cluster. */
    public Optional<String> redisUri() {
        return "none".equals(redis) ? Optional.empty() : Optional.of(redis);
    }
}
