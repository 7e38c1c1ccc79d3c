package dev.roadie.client;

import dev.roadie.model.registry.ServiceId;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The immutable settings of a {@link RoadieClient}. Build them with {@link #builder()}; the
 * builder's {@link Builder#build()} refuses contradictions with a message that says what to change.
 */
public final class ClientOptions {

    /**
     * How often the client pings when it has sent nothing: 4 s, the hub's default too. With the
     * tolerance of 3, a link gone silent is found dead within 13 s. The hub's own interval
     * applies when shorter.
     */
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(4);
    /**
     * How many heartbeat intervals of silence make the link dead: 3, so that an answer may come
     * two intervals late (a busy or paused hub) before a live link is given up.
     */
    public static final int DEFAULT_HEARTBEAT_TOLERANCE = 3;
    /** How long a request waits for its reply unless told otherwise: 10 s. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** How long one address may take from opening the socket to the hub's welcome: 10 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How many frames may wait for the hub's confirmation before sends fail fast: 10,000. */
    public static final int DEFAULT_OUTBOX_FRAMES = 10_000;
    /** How many bytes (characters of JSON) may wait for the hub's confirmation: 16 MiB. */
    public static final long DEFAULT_OUTBOX_BYTES = 16L * 1024 * 1024;
    /**
     * How many request handlers may run at once: 16, enough that slow requests (a search that
     * asks the internet) do not hold back quick ones, few enough that a flood of requests
     * cannot start a thread each.
     */
    public static final int DEFAULT_REQUEST_CONCURRENCY = 16;

    private static final Pattern CLIENT_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final List<URI> hubs;
    private final String token;
    private final ServiceId identity;
    private final Duration heartbeatInterval;
    private final int heartbeatTolerance;
    private final ReconnectPolicy reconnectPolicy;
    private final int maxFailedAttempts;
    private final boolean replaceConnected;
    private final int outboxFrameLimit;
    private final long outboxByteLimit;
    private final Duration requestTimeout;
    private final Duration connectTimeout;
    private final int requestConcurrency;
    private final ConnectionListener listener;
    private final HostResolver hostResolver;
    private final String clientName;
    private final boolean disableJvmDnsCache;

    private ClientOptions(Builder b) {
        this.hubs = List.copyOf(b.hubs);
        this.token = b.token;
        this.identity = b.identity;
        this.heartbeatInterval = b.heartbeatInterval;
        this.heartbeatTolerance = b.heartbeatTolerance;
        this.reconnectPolicy = b.reconnectPolicy;
        this.maxFailedAttempts = b.maxFailedAttempts;
        this.replaceConnected = b.replaceConnected;
        this.outboxFrameLimit = b.outboxFrameLimit;
        this.outboxByteLimit = b.outboxByteLimit;
        this.requestTimeout = b.requestTimeout;
        this.connectTimeout = b.connectTimeout;
        this.requestConcurrency = b.requestConcurrency;
        this.listener = b.listener;
        this.hostResolver = b.hostResolver;
        this.clientName = b.clientName != null ? b.clientName : identity != null ? identity.name() : "client";
        this.disableJvmDnsCache = b.disableJvmDnsCache;
    }

    /** A new builder with every default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The hub URIs, tried in this order when one cannot be reached. */
    public List<URI> hubs() {
        return hubs;
    }

    /** The bearer token. */
    public String token() {
        return token;
    }

    /** The identity to connect as, or null to be the token's. */
    public ServiceId identity() {
        return identity;
    }

    /** How long the client may send nothing before it pings. */
    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    /** How many intervals of silence from the hub make the link dead. */
    public int heartbeatTolerance() {
        return heartbeatTolerance;
    }

    /** The delay between failed attempts. */
    public ReconnectPolicy reconnectPolicy() {
        return reconnectPolicy;
    }

    /**
     * After how many failed attempts in a row, before any welcome, the client gives up (state
     * FAILED); 0, the default, tries for ever.
     */
    public int maxFailedAttempts() {
        return maxFailedAttempts;
    }

    /** Whether a new session takes over the identity from another connection that holds it. */
    public boolean replaceConnected() {
        return replaceConnected;
    }

    /** How many frames may wait for the hub's confirmation. */
    public int outboxFrameLimit() {
        return outboxFrameLimit;
    }

    /** How many characters of JSON may wait for the hub's confirmation. */
    public long outboxByteLimit() {
        return outboxByteLimit;
    }

    /** The timeout of requests and gathers that name none. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** How long one address may take from opening the socket to the welcome. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** How many request handlers may run at once. */
    public int requestConcurrency() {
        return requestConcurrency;
    }

    /** Who hears about the connection. */
    public ConnectionListener listener() {
        return listener;
    }

    /** How host names become addresses. */
    public HostResolver hostResolver() {
        return hostResolver;
    }

    /** The name in the client's thread names and log lines. */
    public String clientName() {
        return clientName;
    }

    /** Whether the first client turns the JVM's DNS cache off ({@code networkaddress.cache.ttl=0}). */
    public boolean disableJvmDnsCache() {
        return disableJvmDnsCache;
    }

    @Override
    public String toString() {
        return "ClientOptions[hubs=" + hubs + ", identity=" + identity + ", client=" + clientName + ", heartbeat="
                + heartbeatInterval + " x" + heartbeatTolerance + ", token=***]";
    }

    /** Collects settings; {@link #build()} checks them together. Not thread-safe. */
    public static final class Builder {
        private final List<URI> hubs = new ArrayList<>();
        private String token;
        private ServiceId identity;
        private Duration heartbeatInterval = DEFAULT_HEARTBEAT_INTERVAL;
        private int heartbeatTolerance = DEFAULT_HEARTBEAT_TOLERANCE;
        private ReconnectPolicy reconnectPolicy = new ExponentialBackoff();
        private int maxFailedAttempts;
        private boolean replaceConnected = true;
        private int outboxFrameLimit = DEFAULT_OUTBOX_FRAMES;
        private long outboxByteLimit = DEFAULT_OUTBOX_BYTES;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private int requestConcurrency = DEFAULT_REQUEST_CONCURRENCY;
        private ConnectionListener listener = new ConnectionListener() { };
        private HostResolver hostResolver = HostResolver.system();
        private String clientName;
        private boolean disableJvmDnsCache = true;

        private Builder() {
        }

        /** Adds a hub URI, {@code ws://HOST:PORT/ws} or {@code wss://HOST:PORT/ws}; several are tried in order. */
        public Builder hub(String uri) {
            Objects.requireNonNull(uri, "uri");
            try {
                return hub(URI.create(uri.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("hub URI '" + uri + "' is not a URI: " + e.getMessage()
                        + "; write it like ws://hub.example.org:7070/ws", e);
            }
        }

        /** Adds a hub URI; several are tried in order. */
        public Builder hub(URI uri) {
            hubs.add(Objects.requireNonNull(uri, "uri"));
            return this;
        }

        /** The bearer token ({@code rd_...}) the hub knows this client by. Required. */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        /** Connects as {@code kind/name}; only an admin token may differ from its own. Optional. */
        public Builder identity(String kind, String name) {
            this.identity = new ServiceId(kind, name);
            return this;
        }

        /** Connects as {@code identity}; null to be the token's own. */
        public Builder identity(ServiceId identity) {
            this.identity = identity;
            return this;
        }

        /** The heartbeat interval; default {@link #DEFAULT_HEARTBEAT_INTERVAL}. */
        public Builder heartbeatInterval(Duration interval) {
            this.heartbeatInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** How many silent intervals make the link dead; default {@link #DEFAULT_HEARTBEAT_TOLERANCE}. */
        public Builder heartbeatTolerance(int tolerance) {
            this.heartbeatTolerance = tolerance;
            return this;
        }

        /** The delay between failed attempts; default an {@link ExponentialBackoff}. */
        public Builder reconnectPolicy(ReconnectPolicy policy) {
            this.reconnectPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Gives up after {@code attempts} failed attempts in a row (every address of every hub
         * URI failed) before the client was ever welcomed: the client then fails (state FAILED)
         * and what waits for the hub fails with the last reason. Once welcomed, a client always
         * reconnects. Default 0: try for ever, which suits services; a command-line tool may
         * prefer 1.
         */
        public Builder maxFailedAttempts(int attempts) {
            this.maxFailedAttempts = attempts;
            return this;
        }

        /**
         * Whether a new session takes over the identity when another connection holds it (the
         * hub closes that one with 4010), as it does by default. With {@code false} the hub
         * refuses this client instead (close 4011, {@code identity-in-use}; state FAILED): for
         * tools that borrow a service's token and must not throw the service off.
         */
        public Builder replaceConnected(boolean replace) {
            this.replaceConnected = replace;
            return this;
        }

        /** Outbox limits; defaults {@link #DEFAULT_OUTBOX_FRAMES} and {@link #DEFAULT_OUTBOX_BYTES}. */
        public Builder outboxLimit(int frames, long bytes) {
            this.outboxFrameLimit = frames;
            this.outboxByteLimit = bytes;
            return this;
        }

        /** The timeout of requests that name none; default {@link #DEFAULT_REQUEST_TIMEOUT}. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How long one address may take to welcome the client; default {@link #DEFAULT_CONNECT_TIMEOUT}. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * How many request handlers may run at once, each on a request thread of its own; default
         * {@link #DEFAULT_REQUEST_CONCURRENCY}. Requests start in the order they arrived, those
         * over the limit when one ends. 1 runs them one at a time, still apart from the event
         * thread.
         */
        public Builder requestConcurrency(int handlers) {
            this.requestConcurrency = handlers;
            return this;
        }

        /** Who hears about the connection. */
        public Builder listener(ConnectionListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** How host names become addresses; default {@link HostResolver#system()}. */
        public Builder hostResolver(HostResolver resolver) {
            this.hostResolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /** The name used in thread names and logs; default the identity's name, else {@code client}. */
        public Builder clientName(String name) {
            this.clientName = name;
            return this;
        }

        /**
         * Whether to turn the JVM's positive DNS cache off when the first client is created (default
         * true). The JVM caches successful lookups (30 s by default, forever under a security
         * manager), which would hide a hub's new address; the client sets the security property
         * {@code networkaddress.cache.ttl} to {@code 0}. That is JVM-wide and only works before
         * the JVM's first lookup, so an application that needs it earlier sets the property itself
         * at start-up. Pass false to leave the property alone.
         */
        public Builder disableJvmDnsCache(boolean disable) {
            this.disableJvmDnsCache = disable;
            return this;
        }

        /**
         * Checks the settings together.
         *
         * @throws IllegalArgumentException saying what to change
         */
        public ClientOptions build() {
            if (hubs.isEmpty()) {
                throw new IllegalArgumentException("no hub URI: add one with hub(\"ws://HOST:7070/ws\")");
            }
            for (URI uri : hubs) {
                checkHub(uri);
            }
            if (new LinkedHashSet<>(hubs).size() != hubs.size()) {
                throw new IllegalArgumentException("a hub URI is listed twice in " + hubs + ": list each hub once");
            }
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("no token: pass the hub token (rd_...) with token(...);"
                        + " create one with 'roadie token create'");
            }
            if (positive(heartbeatInterval, "heartbeatInterval").compareTo(Duration.ofMillis(10)) < 0) {
                throw new IllegalArgumentException("heartbeatInterval " + heartbeatInterval + " is too short: use 10 ms or more");
            }
            if (heartbeatTolerance < 2) {
                throw new IllegalArgumentException("heartbeatTolerance " + heartbeatTolerance + " would declare the link"
                        + " dead as soon as a ping is due: use 2 or more");
            }
            if (outboxFrameLimit < 1 || outboxByteLimit < 1024) {
                throw new IllegalArgumentException("outboxLimit(" + outboxFrameLimit + ", " + outboxByteLimit
                        + ") leaves no room: allow at least 1 frame and 1024 bytes");
            }
            if (maxFailedAttempts < 0) {
                throw new IllegalArgumentException("maxFailedAttempts " + maxFailedAttempts + " is negative: use 0 to"
                        + " try for ever, or 1 or more");
            }
            if (requestConcurrency < 1) {
                throw new IllegalArgumentException("requestConcurrency " + requestConcurrency + " would run no request"
                        + " handler: use 1 or more");
            }
            positive(requestTimeout, "requestTimeout");
            positive(connectTimeout, "connectTimeout");
            if (clientName != null && !CLIENT_NAME.matcher(clientName).matches()) {
                throw new IllegalArgumentException("clientName '" + clientName + "' goes into thread names: use 1 to 64"
                        + " letters, digits, '.', '_' or '-'");
            }
            return new ClientOptions(this);
        }

        private static void checkHub(URI uri) {
            String scheme = uri.getScheme();
            boolean socket = "ws".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme);
            if (!socket || uri.getHost() == null || !"/ws".equals(uri.getPath())) {
                throw new IllegalArgumentException("hub URI '" + uri + "' must be ws://HOST:PORT/ws or wss://HOST:PORT/ws"
                        + " (the hub's socket is at path /ws), for example ws://hub.example.org:7070/ws");
            }
        }

        private static Duration positive(Duration value, String name) {
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " " + value + " must be positive: give a duration such as"
                        + " Duration.ofSeconds(10)");
            }
            return value;
        }
    }
}
