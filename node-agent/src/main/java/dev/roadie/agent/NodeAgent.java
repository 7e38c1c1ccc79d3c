package dev.roadie.agent;

import dev.roadie.agent.config.AgentConfig;
import dev.roadie.agent.lavalink.LavalinkApi;
import dev.roadie.agent.lavalink.LavalinkSocket;
import dev.roadie.agent.lavalink.NodeUnreachableException;
import dev.roadie.agent.lavalink.SocketListener;
import dev.roadie.client.ClientOptions;
import dev.roadie.client.RoadieClient;
import dev.roadie.model.registry.NodeStats;
import dev.roadie.node.NodeKeeper;
import dev.roadie.node.health.HealthVerdict;
import dev.roadie.node.health.RoutePlannerStatus;
import dev.roadie.node.hub.NodeInfo;
import dev.roadie.node.retire.Phase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sidecar beside one Lavalink node. On one thread ({@code roadie-agent-poll}), every
 * {@code poll.interval}: reads the node's stats and route planner (its info at the start and
 * whenever the node restarted or came back), judges its health, announces it and publishes its
 * stats, and retires it when its IP block is exhausted. Nothing the node or the hub does stops
 * the loop: every failure is logged and the next poll tries again. With {@code node.websocket}
 * the node's websocket adds readings: its ready op (a new session id means a restart) and its
 * stats ops run a reading at once, on the same thread, so the agent's state has one writer.
 *
 * <p>Readings are used in the order they arrived, not the order they are handled: a stats op
 * that arrived while a REST reading was under way waits for it on the poll thread, and was
 * taken earlier. Handled after the REST reading, its lower uptime would look like a restart.
 */
public final class NodeAgent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NodeAgent.class);

    private final AgentConfig config;
    private final Clock clock;
    private final ScheduledExecutorService poller;
    private final ExecutorService http;
    private final LavalinkApi lavalink;
    private final NodeKeeper keeper;
    private final LavalinkSocket socket;
    private final CompletableFuture<Phase> finished = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private NodeInfo info;
    private long lastUptime = -1;
    private long lastReadingArrived; // System.nanoTime() when the reading behind lastUptime arrived
    private Instant unreachableSince;
    private String sessionId;

    /**
     * @param dryRun    log what retiring would do instead of doing it
     * @param clock     the time the health windows are measured in
     * @param connector creates the SDK client ({@code RoadieClient::create})
     */
    public NodeAgent(AgentConfig config, boolean dryRun, Clock clock, Function<ClientOptions, RoadieClient> connector) {
        this(config, dryRun, clock, connector, config.node().url());
    }

    /**
     * @param socketNode where the websocket is ({@code node.url} but for tests, whose fake node serves its websocket
     *                   on a port of its own: the JDK's HTTP server cannot upgrade a connection)
     */
    NodeAgent(AgentConfig config, boolean dryRun, Clock clock, Function<ClientOptions, RoadieClient> connector,
            java.net.URI socketNode) {
        this.config = config;
        this.clock = clock;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("roadie-agent-poll")
                .unstarted(r));
        this.http = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("roadie-agent-http-", 0).daemon()
                .factory());
        this.lavalink = new LavalinkApi(config.node().url(), config.node().password(), config.node().timeout(), http);
        this.keeper = new NodeKeeper(config.facts(), config.health(), config.retire(), dryRun, http, connector);
        this.socket = config.node().websocket() ? new LavalinkSocket(socketNode, config.node().password(),
                config.node().userId(), clientName(), config.node().timeout(), new SocketEvents()) : null;
    }

    /** {@code roadie-agent/<version>}, the version from the jar's manifest ({@code dev} when run from classes). */
    static String clientName() {
        String version = NodeAgent.class.getPackage().getImplementationVersion();
        return "roadie-agent/" + (version == null ? "dev" : version);
    }

    /** Starts polling; returns at once. */
    public NodeAgent start() {
        log.info("watching {} for {}", config.node().url(), keeper.id());
        poller.scheduleWithFixedDelay(this::pollSafely, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        if (socket != null) {
            socket.start();
        }
        return this;
    }

    /** Completes with {@link Phase#RETIRED} once the node is retired and the retire actions ran. */
    public CompletableFuture<Phase> finished() {
        return finished;
    }

    /** The health after the last reading. */
    public HealthVerdict verdict() {
        return keeper.verdict();
    }

    private void pollSafely() {
        readSafely(null, 0);
    }

    /**
     * @param pushed  stats the node pushed on its websocket, or null to read them over REST
     * @param arrived when the pushed stats arrived ({@link System#nanoTime()})
     */
    private void readSafely(NodeStats pushed, long arrived) {
        try {
            read(pushed, arrived);
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: the agent must outlive any one failure.
            log.error("poll of {} failed; trying again in {}: {}", keeper.id(), config.pollInterval(), e.toString(), e);
        }
    }

    private void read(NodeStats pushed, long pushedArrived) {
        if (keeper.phase() == Phase.RETIRED) {
            return;
        }
        if (pushed != null && lastUptime >= 0 && pushedArrived - lastReadingArrived < 0) {
            // Older than a reading already used: its uptime and players are out of date.
            log.debug("{} pushed stats that arrived before the last reading; dropped", keeper.id());
            return;
        }
        Instant now = clock.instant();
        NodeStats stats;
        long arrived;
        RoutePlannerStatus planner;
        try {
            stats = pushed != null ? pushed : lavalink.stats();
            arrived = pushed != null ? pushedArrived : System.nanoTime();
            planner = lavalink.routePlanner().orElse(null);
            if (info == null || stats.uptime() < lastUptime) {
                // First reading, or the node restarted or came back: its sources and plugins may differ.
                info = lavalink.info();
                log.info("{} runs Lavalink {} with sources {} and plugins {}", keeper.id(), info.version(),
                        info.sourceManagers(), info.plugins());
            }
        } catch (NodeUnreachableException e) {
            unreachable(e.getMessage(), now);
            return;
        }
        if (unreachableSince != null) {
            log.info("{} answers again", keeper.id());
            unreachableSince = null;
        }
        lastUptime = stats.uptime();
        lastReadingArrived = arrived;
        keeper.read(info, stats, planner, now);
        finishIfRetired();
    }

    /** On the poll thread: the node's websocket said it is ready. */
    private void ready(String readySession, boolean resumed) {
        if (sessionId != null && !sessionId.equals(readySession) && !resumed) {
            // Its uptime may not have gone down yet between two REST readings: the session id tells at once.
            log.info("{} restarted (session {} after {}): reading its info again", keeper.id(), readySession,
                    sessionId);
            info = null;
        }
        sessionId = readySession;
        read(null, 0);
    }

    /** Moves the socket's events to the poll thread; the socket's IO thread never waits for a reading. */
    private final class SocketEvents implements SocketListener {
        @Override
        public void ready(String readySession, boolean resumed) {
            onPollThread(() -> NodeAgent.this.ready(readySession, resumed));
        }

        @Override
        public void stats(NodeStats stats) {
            long arrived = System.nanoTime(); // now, on the IO thread: the poll thread may be busy with a REST reading
            onPollThread(() -> readSafely(stats, arrived));
        }

        private void onPollThread(Runnable task) {
            try {
                poller.execute(() -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        log.error("a websocket reading of {} failed: {}", keeper.id(), e.toString(), e);
                    }
                });
            } catch (RejectedExecutionException e) {
                // Only after close(): the agent stopped and the event has nobody left to tell.
                log.debug("websocket event after the agent closed, dropped: {}", e.toString());
            }
        }
    }

    private void unreachable(String why, Instant now) {
        if (unreachableSince == null) {
            unreachableSince = now;
            log.warn("{} does not answer: {}", keeper.id(), why);
        }
        // While draining the agent stays on the hub: it must still be able to retire the node.
        if (keeper.phase() == Phase.WATCHING && keeper.present()
                && Duration.between(unreachableSince, now).compareTo(config.node().downAfter()) >= 0) {
            keeper.leave();
            // It comes back as a node that may have changed: read its info again.
            info = null;
        }
        keeper.unreachable(why, info, now);
        finishIfRetired();
    }

    private void finishIfRetired() {
        if (keeper.phase() == Phase.RETIRED) {
            finished.complete(Phase.RETIRED);
        }
    }

    /** Stops polling and leaves the hub. The node's lease runs out unless it is retired. Closing twice does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (socket != null) {
            socket.close();
        }
        poller.shutdownNow();
        try {
            if (!poller.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("the poll thread did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        keeper.close();
        lavalink.close();
        http.shutdownNow();
        finished.completeExceptionally(new IllegalStateException("the agent was closed"));
    }
}
