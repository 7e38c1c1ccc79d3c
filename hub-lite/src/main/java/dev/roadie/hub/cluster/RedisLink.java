package dev.roadie.hub.cluster;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.Optional;

/**
 * The hub's two connections to the cluster's Redis: one for commands and publishes, one that
 * listens to its channels. Both reconnect by themselves (Lettuce resubscribes the listener);
 * while one is down, commands are refused at once instead of queued, so that a sender hears
 * of it rather than waiting.
 */
final class RedisLink implements AutoCloseable {
    /** How long a command may take before it counts as failed. */
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final ClientResources resources;
    private final RedisClient client;
    private final String where;
    private final StatefulRedisConnection<String, String> commands;
    private final StatefulRedisPubSubConnection<String, String> listener;
    /** Connections opened for one use each (see {@link #connectAnother}), closed with the link. */
    private final java.util.List<StatefulRedisConnection<String, String>> others =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    private RedisLink(ClientResources resources, RedisClient client, String where,
            StatefulRedisConnection<String, String> commands, StatefulRedisPubSubConnection<String, String> listener) {
        this.resources = resources;
        this.client = client;
        this.where = where;
        this.commands = commands;
        this.listener = listener;
    }

    /**
     * Connects both; throws {@link ClusterUnreachableException} saying where when Redis does not answer.
     */
    static RedisLink connect(String uri) {
        RedisURI parsed;
        try {
            parsed = RedisURI.create(uri);
        } catch (IllegalArgumentException e) {
            // The URI may hold a password: say what is wrong without repeating it.
            throw new ClusterUnreachableException("cluster.redis is not a Redis URI Lettuce can read: " + e.getMessage()
                    .replace(uri, "(the value of cluster.redis)"), e);
        }
        String where = describe(parsed);
        // Few threads: the hub hands Redis small frames, and several hubs may share a machine (tests do).
        // Reconnects back off to at most 2 s (Lettuce's default is 30 s): a hub is back in the cluster soon after Redis.
        ClientResources resources = DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(1)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(2), 2,
                        java.util.concurrent.TimeUnit.MILLISECONDS))
                .build();
        RedisClient client = RedisClient.create(resources, parsed);
        client.setOptions(ClientOptions.builder().autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build()).build());
        StatefulRedisConnection<String, String> commands = null;
        try {
            commands = client.connect();
            StatefulRedisPubSubConnection<String, String> listener = client.connectPubSub();
            return new RedisLink(resources, client, where, commands, listener);
        } catch (RedisException e) {
            if (commands != null) {
                commands.close();
            }
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            resources.shutdown(0, 2, java.util.concurrent.TimeUnit.SECONDS);
            throw new ClusterUnreachableException("cannot reach the cluster's Redis at " + where + " ("
                    + rootMessage(e) + "): start it, or check cluster.redis", e);
        }
    }

    /** Where Redis is, for messages: host and port, never the password. */
    private static String describe(RedisURI uri) {
        if (uri.getSentinels() != null && !uri.getSentinels().isEmpty()) {
            return "sentinels of " + uri.getSentinelMasterId();
        }
        return uri.getHost() + ":" + uri.getPort();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    RedisAsyncCommands<String, String> async() {
        return commands.async();
    }

    /** One more command connection, for commands that hold theirs (WAIT); it reconnects as the others do. */
    StatefulRedisConnection<String, String> connectAnother() {
        StatefulRedisConnection<String, String> another = client.connect();
        others.add(another);
        return another;
    }

    StatefulRedisPubSubConnection<String, String> listener() {
        return listener;
    }

    /**
     * Runs {@code reconnected} (on a Lettuce thread, so it must return at once) each time the
     * listening connection is back after it was lost: what was published meanwhile never reached
     * this hub.
     */
    void onListenerReconnected(Runnable reconnected) {
        listener.addListener(new io.lettuce.core.RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(io.lettuce.core.RedisChannelHandler<?, ?> connection,
                    java.net.SocketAddress address) {
                reconnected.run();
            }
        });
    }

    /** Where Redis is, for messages. */
    String where() {
        return where;
    }

    /** What is wrong with the link now, in words for the hub's operator; empty while both connections are open. */
    Optional<String> problem() {
        if (commands.isOpen() && listener.isOpen()) {
            return Optional.empty();
        }
        return Optional.of("the cluster's Redis at " + where + " cannot be reached: nothing is relayed to or from"
                + " the other hubs until it is back (it reconnects by itself; check that Redis runs and cluster.redis)");
    }

    /** Whether commands can be sent now. */
    boolean isUp() {
        return commands.isOpen();
    }

    @Override
    public void close() {
        try {
            listener.close();
            commands.close();
            others.forEach(StatefulRedisConnection::close);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            resources.shutdown(0, 2, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
