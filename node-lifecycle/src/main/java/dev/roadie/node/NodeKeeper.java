package dev.roadie.node;

import dev.roadie.client.ClientOptions;
import dev.roadie.client.RoadieClient;
import dev.roadie.model.registry.NodeStats;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.node.health.HealthLevel;
import dev.roadie.node.health.HealthMonitor;
import dev.roadie.node.health.HealthThresholds;
import dev.roadie.node.health.HealthVerdict;
import dev.roadie.node.health.RoutePlannerStatus;
import dev.roadie.node.hub.NodeFacts;
import dev.roadie.node.hub.NodeInfo;
import dev.roadie.node.hub.NodePresence;
import dev.roadie.node.retire.Phase;
import dev.roadie.node.retire.RetireSettings;
import dev.roadie.node.retire.Retirement;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's life on the hub, from readings of it: judges its health, announces it (again when
 * something changed), publishes its stats, and when its IP block is exhausted drains it, waits
 * for its players to leave, retires it and runs the retire actions. The node agent feeds it
 * readings of a Lavalink over HTTP; the audio node feeds it its own players' figures.
 * <p>Not thread-safe: one thread gives it readings (the agent's poll thread, the audio node's
 * announce thread).
 */
public final class NodeKeeper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NodeKeeper.class);

    private final HealthMonitor health;
    private final NodePresence presence;
    private final Retirement retirement;
    private final CompletableFuture<Phase> finished = new CompletableFuture<>();
    private volatile HealthVerdict verdict = HealthVerdict.START;

    /**
     * @param dryRun       log what retiring would do instead of doing it
     * @param httpExecutor runs the retire actions' HTTP client
     * @param connector    creates the SDK client ({@code RoadieClient::create})
     */
    public NodeKeeper(NodeFacts facts, HealthThresholds thresholds, RetireSettings retire, boolean dryRun,
            Executor httpExecutor, Function<ClientOptions, RoadieClient> connector) {
        this.health = new HealthMonitor(thresholds);
        this.presence = new NodePresence(facts, connector);
        this.retirement = new Retirement(facts, retire, presence, dryRun, httpExecutor);
    }

    public ServiceId id() {
        return presence.id();
    }

    /** Where the node is: watching, draining or retired. */
    public Phase phase() {
        return retirement.phase();
    }

    /** The health after the last reading. */
    public HealthVerdict verdict() {
        return verdict;
    }

    /** Completes with {@link Phase#RETIRED} once the node is retired and the retire actions ran. */
    public CompletableFuture<Phase> finished() {
        return finished;
    }

    /**
     * A reading of a node that answered: judged, announced, published, and a step of its retirement.
     *
     * @param planner the route planner's status, or null when the node has none
     */
    public HealthVerdict read(NodeInfo info, NodeStats stats, RoutePlannerStatus planner, Instant now) {
        if (phase() == Phase.RETIRED) {
            return verdict;
        }
        report(health.read(stats, planner, now));
        presence.announce(info, verdict);
        presence.publish(stats);
        if (verdict.exhausted()) {
            retirement.exhausted(health.exhaustionReason(), now);
        }
        retirement.step(stats, now);
        finishIfRetired();
        return verdict;
    }

    /**
     * A reading that failed: the node did not answer. Judged critical; announced again (with
     * that health) when {@code info} is known and the keeper is on the hub; a draining node is
     * retired at its deadline.
     *
     * @param info what the node said about itself when it last answered, or null
     */
    public HealthVerdict unreachable(String why, NodeInfo info, Instant now) {
        if (phase() == Phase.RETIRED) {
            return verdict;
        }
        report(health.unreachable(why));
        if (presence.present() && info != null) {
            presence.announce(info, verdict);
        }
        retirement.step(null, now);
        finishIfRetired();
        return verdict;
    }

    /** Whether the keeper is on the hub (it left while the node was down). */
    public boolean present() {
        return presence.present();
    }

    /** Leaves the hub, so that the registry's lease marks the node down; the next reading joins again. */
    public void leave() {
        presence.leave();
    }

    private void report(HealthVerdict next) {
        if (next.level() != verdict.level()) {
            if (next.level() == HealthLevel.PASSING) {
                log.info("{} health is passing again", presence.id());
            } else {
                log.warn("{} health is {}: {}", presence.id(), next.level().label(), next.reason());
            }
        }
        verdict = next;
    }

    private void finishIfRetired() {
        if (retirement.phase() == Phase.RETIRED) {
            finished.complete(Phase.RETIRED);
        }
    }

    /** Leaves the hub. The node's lease runs out unless it is retired. */
    @Override
    public void close() {
        presence.close();
        finished.completeExceptionally(new IllegalStateException("the node's keeper was closed"));
    }
}
