package dev.roadie.hub.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the hub can be told at start: where to listen, where to keep its data, and the
 * limits it enforces on clients. Load it with {@link ConfigLoader}; every setting, its
 * default and its environment variable are described in {@code docs/CONFIGURATION.md}. The
 * records check their own ranges, so an instance is always usable; a bad value is a
 * {@link ConfigException} naming the setting.
 *
 * <p>The component names are the setting keys: {@code limits.maxFrameBytes} is
 * {@code limits().maxFrameBytes()}, written {@code ROADIE_LIMITS_MAX_FRAME_BYTES} in the
 * environment. Adding a component adds a setting (give it a default in
 * {@code roadie-defaults.yml} and a row in the docs; tests check both).
 *
 * @param host      the address to listen on; {@code 0.0.0.0} means every interface
 * @param port      the port for WebSocket and HTTP; 0 picks any free port
 * @param data      the folder for the hub's database and state
 * @param heartbeat how links are kept alive and found dead
 * @param limits    what one client, or all of them, may use
 * @param requests  request deadlines
 * @param quotas    what one sender, receiver, session or token may hold in the hub at once
 * @param registry  how long services stay listed after their link is lost
 * @param sessions  how sessions outlive their links: resumption, durable messages, restarts
 * @param search    music search providers, plug-ins and link resolution
 * @param certs     managed certificates: ACME, DNS-01 challenges, renewal and keys at rest
 * @param tls       the hub's own https:// and wss:// listener
 * @param http      slow and greedy HTTP clients, trusted proxies, allowed Host and Origin values
 * @param pairing   how devices pair with the hub: code lifetime, polling, guessing limits
 * @param cluster   joining other hubs through Redis; none by default
 */
public record HubConfig(String host, int port, Path data, Heartbeat heartbeat, Limits limits, Requests requests,
        Quotas quotas, Registry registry, Sessions sessions, SearchConfig search, CertsConfig certs, TlsConfig tls,
        HttpConfig http, PairingConfig pairing, ClusterConfig cluster) {

    public HubConfig {
        Require.host("host", host);
        Require.port("port", port);
        Require.requireSet("data", data);
        Require.requireSet("heartbeat", heartbeat);
        Require.requireSet("limits", limits);
        Require.requireSet("requests", requests);
        Require.requireSet("quotas", quotas);
        Require.requireSet("registry", registry);
        Require.requireSet("sessions", sessions);
        Require.requireSet("search", search);
        Require.requireSet("certs", certs);
        Require.requireSet("tls", tls);
        Require.requireSet("http", http);
        Require.requireSet("pairing", pairing);
        Require.requireSet("cluster", cluster);
    }

    /**
     * The built-in defaults, from {@code roadie-defaults.yml}. Its {@link #data()} is the
     * relative path {@code data}; {@link ConfigLoader} resolves it against the working directory.
     */
    public static HubConfig defaults() {
        return DefaultSettings.config();
    }

    /** This config with another port; 0 picks any free port (handy in tests). */
    public HubConfig withPort(int port) {
        return new HubConfig(host, port, data, heartbeat, limits, requests, quotas, registry, sessions, search, certs,
                tls, http, pairing, cluster);
    }

    /** This config with other search settings (tests point providers at local servers). */
    public HubConfig withSearch(SearchConfig search) {
        return new HubConfig(host, port, data, heartbeat, limits, requests, quotas, registry, sessions, search, certs,
                tls, http, pairing, cluster);
    }

    /** This config with other certificate settings. */
    public HubConfig withCerts(CertsConfig certs) {
        return new HubConfig(host, port, data, heartbeat, limits, requests, quotas, registry, sessions, search, certs,
                tls, http, pairing, cluster);
    }

    /** This config with another data folder. */
    public HubConfig withData(Path data) {
        return new HubConfig(host, port, data, heartbeat, limits, requests, quotas, registry, sessions, search, certs,
                tls, http, pairing, cluster);
    }

    /**
     * Keeping links alive.
     *
     * @param interval  how often each side pings when quiet; at least 10ms
     * @param tolerance a link is dead after {@code interval * tolerance} with no frame; at least 1
     */
    public record Heartbeat(Duration interval, int tolerance) {

        /** Shorter intervals would make pings a load of their own. */
        static final Duration MIN_INTERVAL = Duration.ofMillis(10);

        public Heartbeat {
            Require.atLeast("heartbeat.interval", interval, MIN_INTERVAL);
            Require.positive("heartbeat.tolerance", tolerance);
        }

        /** How long a link may stay silent before it counts as dead: {@code interval * tolerance}. */
        public Duration deadAfter() {
            return interval.multipliedBy(tolerance);
        }
    }

    /**
     * What clients may use; each protects the hub from one kind of misbehaving or overloaded
     * client. All are at least 1.
     *
     * @param maxFrameBytes            the largest frame the hub processes; at most 256MiB
     * @param framesPerSecond          the sustained frame rate allowed per connection
     * @param frameBurst               how many frames a connection may send at once above that rate
     * @param connectionsPerAddress    open connections allowed from one remote address
     * @param maxConnections           open connections allowed in total
     * @param maxPendingBytes          bytes queued for sending to one connection before it is a slow consumer
     * @param maxUnackedFrames         frames sent to one connection and not yet acknowledged
     * @param maxUnackedBytes          bytes sent to one connection and not yet acknowledged
     * @param maxSubscriptions         topic subscriptions per connection
     * @param maxServicesPerConnection services one connection may announce
     * @param authTimeout              how long a new connection has to send its hello
     * @param helloPendingPerAddress   connections from one address that have not sent their hello yet;
     *                                 a new one over it closes the oldest of them
     * @param helloPendingTotal        connections from all addresses that have not sent their hello yet;
     *                                 a new one over it closes the oldest of all
     * @param freeTokenFailures        failed token checks one address may make before it must wait
     * @param tokenFailureWait         the first wait after those; each further failure doubles it
     * @param maxTokenFailureWait      the longest wait; an address quiet for this long starts afresh
     */
    public record Limits(int maxFrameBytes, int framesPerSecond, int frameBurst, int connectionsPerAddress,
            int maxConnections, long maxPendingBytes, int maxUnackedFrames, long maxUnackedBytes, int maxSubscriptions,
            int maxServicesPerConnection, Duration authTimeout, int helloPendingPerAddress, int helloPendingTotal,
            int freeTokenFailures, Duration tokenFailureWait, Duration maxTokenFailureWait) {

        /** Keeps {@link #hardMaxFrameBytes()} within an int. */
        static final int MAX_FRAME_BYTES_CEILING = 256 << 20;

        /** Frames above {@code maxFrameBytes} get an error; frames above this many times it close the link. */
        static final int HARD_LIMIT_FACTOR = 4;

        public Limits {
            Require.size("limits.maxFrameBytes", maxFrameBytes, MAX_FRAME_BYTES_CEILING);
            Require.positive("limits.framesPerSecond", framesPerSecond);
            Require.positive("limits.frameBurst", frameBurst);
            Require.positive("limits.connectionsPerAddress", connectionsPerAddress);
            Require.positive("limits.maxConnections", maxConnections);
            Require.positive("limits.maxPendingBytes", maxPendingBytes);
            Require.positive("limits.maxUnackedFrames", maxUnackedFrames);
            Require.positive("limits.maxUnackedBytes", maxUnackedBytes);
            Require.positive("limits.maxSubscriptions", maxSubscriptions);
            Require.positive("limits.maxServicesPerConnection", maxServicesPerConnection);
            Require.atLeast("limits.authTimeout", authTimeout, Duration.ofMillis(1));
            Require.positive("limits.helloPendingPerAddress", helloPendingPerAddress);
            Require.positive("limits.helloPendingTotal", helloPendingTotal);
            Require.positive("limits.freeTokenFailures", freeTokenFailures);
            Require.atLeast("limits.tokenFailureWait", tokenFailureWait, Duration.ofMillis(1));
            Require.notShorterThan("limits.maxTokenFailureWait", maxTokenFailureWait, "limits.tokenFailureWait",
                    tokenFailureWait);
        }

        /**
         * The size above which the hub does not even read a frame but closes the link with
         * 1009: four times {@link #maxFrameBytes()}. Between the two the client gets a
         * {@code too-large} error frame and stays connected.
         */
        public int hardMaxFrameBytes() {
            return maxFrameBytes * HARD_LIMIT_FACTOR;
        }
    }

    /**
     * Request deadlines.
     *
     * @param defaultTimeout the deadline of a request that asks for none
     * @param maxTimeout     the longest deadline a request may ask for; longer ones are cut to it
     */
    public record Requests(Duration defaultTimeout, Duration maxTimeout) {
        public Requests {
            Require.atLeast("requests.defaultTimeout", defaultTimeout, Duration.ofMillis(1));
            Require.notShorterThan("requests.maxTimeout", maxTimeout, "requests.defaultTimeout", defaultTimeout);
        }
    }

    /**
     * What one client may hold in the hub at once, on disk and in memory: durable messages
     * waiting for receivers, requests waiting for replies, gathers collecting them. A sender is
     * the identity ({@code KIND/NAME}) a message is from; a token counts its socket session and its
     * REST calls together. All are at least 1.
     *
     * @param durablePerSender          durable messages stored and not yet acknowledged, per sender (one per receiver)
     * @param durableSenderBytes        the bytes of those, per sender
     * @param durablePerReceiver        durable messages waiting for one receiving service
     * @param durableReceiverBytes      the bytes of those, per receiving service
     * @param durableTotal              durable messages stored in all
     * @param durableTotalBytes         the bytes of those in all
     * @param pendingRequestsPerSession requests one session sent that wait for their reply
     * @param pendingRequestsPerToken   the same for one token: its session and its REST calls
     * @param gathersPerSession         gathers one session sent that wait for their result
     * @param gathersPerToken           the same for one token: its session and its REST calls
     * @param maxGatherBytes            reply bytes one gather keeps until it answers; a reply over it is
     *                                  recorded as an error for its receiver
     */
    public record Quotas(int durablePerSender, long durableSenderBytes, int durablePerReceiver,
            long durableReceiverBytes, int durableTotal, long durableTotalBytes, int pendingRequestsPerSession,
            int pendingRequestsPerToken, int gathersPerSession, int gathersPerToken, long maxGatherBytes) {
        public Quotas {
            Require.positive("quotas.durablePerSender", durablePerSender);
            Require.positive("quotas.durableSenderBytes", durableSenderBytes);
            Require.positive("quotas.durablePerReceiver", durablePerReceiver);
            Require.positive("quotas.durableReceiverBytes", durableReceiverBytes);
            Require.positive("quotas.durableTotal", durableTotal);
            Require.positive("quotas.durableTotalBytes", durableTotalBytes);
            Require.positive("quotas.pendingRequestsPerSession", pendingRequestsPerSession);
            Require.positive("quotas.pendingRequestsPerToken", pendingRequestsPerToken);
            Require.positive("quotas.gathersPerSession", gathersPerSession);
            Require.positive("quotas.gathersPerToken", gathersPerToken);
            Require.positive("quotas.maxGatherBytes", maxGatherBytes);
        }
    }

    /**
     * Registry leases, and what one client may put in the registry and make it send.
     *
     * @param downAfter           a service whose link is lost is marked down after this long (a reconnect
     *                            before keeps it up)
     * @param removeAfter         a service whose link is lost is removed from the registry after this long
     * @param maxDescriptorBytes  the largest descriptor an announce may carry, as JSON; at most 1MiB
     * @param maxCapabilities     capabilities one service may list; at most 256, what the protocol allows
     * @param maxCapabilityLength characters in one capability
     * @param maxLabels           labels one service may have; at most 64, what the protocol allows
     * @param maxLabelLength      characters in one label's key or value
     * @param maxServicesPerOwner services one token identity (KIND/NAME) may have in the registry,
     *                            down ones included, over all its connections
     * @param publishInterval     stats, and changes of a service after its first, reach registry subscribers at most
     *                            once per service per this
     * @param snapshotPartBytes   a new subscriber's snapshot is sent in parts of about this size; at most 16MiB
     */
    public record Registry(Duration downAfter, Duration removeAfter, int maxDescriptorBytes, int maxCapabilities,
            int maxCapabilityLength, int maxLabels, int maxLabelLength, int maxServicesPerOwner,
            Duration publishInterval, int snapshotPartBytes) {

        /** What {@code ServiceDescriptor} itself allows; a setting above it would promise more. */
        static final int PROTOCOL_MAX_CAPABILITIES = 256;
        static final int PROTOCOL_MAX_LABELS = 64;

        public Registry {
            Require.atLeast("registry.downAfter", downAfter, Duration.ofMillis(1));
            Require.longerThan("registry.removeAfter", removeAfter, "registry.downAfter", downAfter);
            Require.size("registry.maxDescriptorBytes", maxDescriptorBytes, 1 << 20);
            countUpTo("registry.maxCapabilities", maxCapabilities, PROTOCOL_MAX_CAPABILITIES);
            Require.positive("registry.maxCapabilityLength", maxCapabilityLength);
            countUpTo("registry.maxLabels", maxLabels, PROTOCOL_MAX_LABELS);
            Require.positive("registry.maxLabelLength", maxLabelLength);
            Require.positive("registry.maxServicesPerOwner", maxServicesPerOwner);
            Require.atLeast("registry.publishInterval", publishInterval, Duration.ofMillis(10));
            Require.size("registry.snapshotPartBytes", snapshotPartBytes, 16 << 20);
        }

        private static void countUpTo(String setting, int value, int max) {
            if (value < 1 || value > max) {
                throw ConfigException.invalid(setting, "expected a number from 1 to " + max, Integer.toString(value));
            }
        }
    }

    /**
     * How sessions outlive their links.
     *
     * @param resumeWindow    how long a session whose link was lost waits to be resumed, keeping
     *                        what was sent to it; after it, the session ends and requests to it are gone
     * @param reconnectSpread on a graceful stop clients are told to reconnect after a random delay up
     *                        to this, so that they do not all come back at once
     * @param hellosPerSecond hellos the hub accepts per second; more are told to come back later (4029)
     * @param helloBurst      hellos accepted at once above that rate
     * @param hellosPerSecondPerToken   hellos one token may make per second, before the hub-wide budget
     * @param helloBurstPerToken        hellos one token may make at once above that rate
     * @param hellosPerSecondPerAddress hellos one client address may make per second, before the hub-wide budget
     * @param helloBurstPerAddress      hellos one client address may make at once above that rate
     * @param durableTtl      how long a durable message waits for a receiver that is not connected
     * @param ackDelay        a client frame is acknowledged at once when its session had no ack within
     *                        this long, otherwise within this long by an ack covering it; 0 acks every
     *                        frame at once; at most {@link #MAX_ACK_DELAY}
     */
    public record Sessions(Duration resumeWindow, Duration reconnectSpread, int hellosPerSecond, int helloBurst,
            Duration durableTtl, Duration ackDelay, int hellosPerSecondPerToken, int helloBurstPerToken,
            int hellosPerSecondPerAddress, int helloBurstPerAddress) {

        /** Longer would hold a client's frames, and whoever waits on them, for a noticeable time. */
        static final Duration MAX_ACK_DELAY = Duration.ofSeconds(1);

        public Sessions {
            Require.atLeast("sessions.resumeWindow", resumeWindow, Duration.ofMillis(1));
            Require.atLeast("sessions.reconnectSpread", reconnectSpread, Duration.ofMillis(1));
            Require.positive("sessions.hellosPerSecond", hellosPerSecond);
            Require.positive("sessions.helloBurst", helloBurst);
            Require.atLeast("sessions.durableTtl", durableTtl, Duration.ofMillis(1));
            Require.between("sessions.ackDelay", ackDelay, Duration.ZERO, MAX_ACK_DELAY);
            Require.positive("sessions.hellosPerSecondPerToken", hellosPerSecondPerToken);
            Require.positive("sessions.helloBurstPerToken", helloBurstPerToken);
            Require.positive("sessions.hellosPerSecondPerAddress", hellosPerSecondPerAddress);
            Require.positive("sessions.helloBurstPerAddress", helloBurstPerAddress);
        }
    }
}
