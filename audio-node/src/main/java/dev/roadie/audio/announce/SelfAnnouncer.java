package dev.roadie.audio.announce;

import dev.roadie.client.ClientOptions;
import dev.roadie.client.RoadieClient;
import dev.roadie.model.registry.NodeStats;
import dev.roadie.node.NodeKeeper;
import dev.roadie.node.health.HealthVerdict;
import dev.roadie.node.health.RoutePlannerStatus;
import dev.roadie.node.hub.NodeInfo;
import dev.roadie.node.retire.Phase;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audio node on the hub, with no agent beside it: every {@code interval}, on one thread
 * ({@code audio-node-announce}), its own figures go to the node agent's {@link NodeKeeper},
 * which announces the node, publishes its stats, judges its health (the route planner's block
 * among it) and, when the block is exhausted, drains the node, waits for its players to leave
 * (the bots move them, docs/BOT-INTEGRATION.md) and retires it with the retire command.
 */
public final class SelfAnnouncer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SelfAnnouncer.class);

    private final AnnounceSettings settings;
    private final Supplier<NodeInfo> info;
    private final Supplier<NodeStats> stats;
    private final Supplier<RoutePlannerStatus> planner;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("audio-node-announce").daemon().factory());
    private final ExecutorService http = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("audio-node-retire-http").daemon().factory());
    private final NodeKeeper keeper;

    /**
     * @param info      what the node says about itself ({@code AudioNode::selfInfo})
     * @param stats     its figures, from its players ({@code AudioNode::selfStats})
     * @param planner   its route planner's status, or null while it has none
     * @param connector creates the SDK client ({@code RoadieClient::create})
     */
    public SelfAnnouncer(AnnounceSettings settings, Supplier<NodeInfo> info, Supplier<NodeStats> stats,
            Supplier<RoutePlannerStatus> planner, Clock clock, Function<ClientOptions, RoadieClient> connector) {
        this.settings = settings;
        this.info = info;
        this.stats = stats;
        this.planner = planner;
        this.clock = clock;
        this.keeper = new NodeKeeper(settings.facts(), settings.health(), settings.retire(), false, http, connector);
    }

    /** Starts announcing; returns at once. */
    public SelfAnnouncer start() {
        log.info("announcing {} to {} every {}", keeper.id(), settings.facts().hubs(), settings.interval());
        long every = settings.interval().toMillis();
        thread.scheduleWithFixedDelay(this::readSafely, 0, every, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Completes with {@link Phase#RETIRED} once the node is retired and its retire command ran. */
    public CompletableFuture<Phase> finished() {
        return keeper.finished();
    }

    /** The health after the last reading. */
    public HealthVerdict verdict() {
        return keeper.verdict();
    }

    private void readSafely() {
        try {
            if (keeper.phase() != Phase.RETIRED) {
                keeper.read(info.get(), stats.get(), planner.get(), clock.instant());
            }
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: announcing must outlive any one failure.
            log.error("announcing {} failed; trying again in {}: {}", keeper.id(), settings.interval(), e.toString(),
                    e);
        }
    }

    /** Stops announcing and leaves the hub; the node's lease runs out unless it is retired. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("the announce thread did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        keeper.close();
        http.shutdownNow();
    }
}
