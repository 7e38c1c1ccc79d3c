package dev.roadie.node.retire;

import dev.roadie.model.registry.NodeStats;
import dev.roadie.node.hub.NodeFacts;
import dev.roadie.node.hub.NodePresence;
import java.time.Instant;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes an exhausted node out of service: drain (bots stop placing new players), wait until its
 * players reach zero or the deadline, retire, then run the retire actions: the command first,
 * then DigitalOcean (whose delete ends this machine). A dry run logs each step instead. Driven
 * by the poll thread, one step per reading.
 */
public final class Retirement {
    private static final Logger log = LoggerFactory.getLogger(Retirement.class);

    private final NodeFacts facts;
    private final RetireSettings settings;
    private final NodePresence presence;
    private final boolean dryRun;
    private final Executor httpExecutor;
    private Phase phase = Phase.WATCHING;
    private Instant deadline;
    private String reason;

    /**
     * @param dryRun       log each step instead of taking it
     * @param httpExecutor runs DigitalOcean's HTTP client
     */
    public Retirement(NodeFacts facts, RetireSettings settings, NodePresence presence, boolean dryRun,
            Executor httpExecutor) {
        this.facts = facts;
        this.settings = settings;
        this.presence = presence;
        this.dryRun = dryRun;
        this.httpExecutor = httpExecutor;
    }

    public Phase phase() {
        return phase;
    }

    /** The block was judged exhausted: start draining (once). */
    public void exhausted(String why, Instant now) {
        if (phase != Phase.WATCHING) {
            return;
        }
        if (!settings.enabled()) {
            log.warn("the IP block of {} is exhausted ({}), but retire.enabled is false: the node stays", presence.id(),
                    why);
            return;
        }
        reason = "IP block exhausted: " + why;
        log.warn("{}: {}; draining it", presence.id(), reason);
        if (dryRun) {
            log.info("dry run: would drain {}, wait up to {} for its players to leave, then retire it", presence.id(),
                    settings.drainDeadline());
            finish();
            return;
        }
        presence.drain();
        deadline = now.plus(settings.drainDeadline());
        phase = Phase.DRAINING;
    }

    /** A reading while draining: retire once the players are gone or the deadline passed. */
    public void step(NodeStats stats, Instant now) {
        if (phase != Phase.DRAINING) {
            return;
        }
        boolean empty = stats != null && stats.players() == 0;
        if (!empty && now.isBefore(deadline)) {
            return;
        }
        if (empty) {
            log.info("{} has no players left", presence.id());
        } else {
            log.warn("{} still has players at the drain deadline; retiring it anyway", presence.id());
        }
        presence.retire();
        finish();
    }

    private void finish() {
        phase = Phase.RETIRED;
        RetiredNode node = RetiredNode.of(facts, settings, reason);
        try {
            if (!settings.command().isEmpty()) {
                new RetireCommand(settings.command(), settings.commandTimeout()).run(node, dryRun);
            }
            if (settings.digitalOcean() != null) {
                try (DigitalOceanDroplets droplets = new DigitalOceanDroplets(settings.digitalOcean(),
                        httpExecutor)) {
                    droplets.run(node, dryRun);
                }
            }
        } catch (RetireActionException e) {
            // The node is retired either way; the owner must finish by hand what the action did not.
            log.error("{} is retired, but a retire action failed and the ones after it did not run: {}", presence.id(),
                    e.getMessage(), e);
        }
    }
}
