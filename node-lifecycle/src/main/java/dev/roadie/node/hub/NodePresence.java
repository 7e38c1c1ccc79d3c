package dev.roadie.node.hub;

import dev.roadie.client.ClientOptions;
import dev.roadie.client.RoadieClient;
import dev.roadie.model.registry.NodeStats;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.node.health.HealthVerdict;
import dev.roadie.node.hub.NodeInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node as the hub sees it: an {@code audio-node} service announced through the SDK, with
 * its public endpoint, its password as the secret {@code password}, its capabilities and its
 * health as labels. The agent can leave the hub (so that the registry's lease marks the node
 * down) and come back. Called from one thread at a time (the agent's poll thread, the audio
 * node's announce thread).
 */
public final class NodePresence implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NodePresence.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final NodeFacts facts;
    private final Function<ClientOptions, RoadieClient> connector;
    private final ServiceId id;
    private RoadieClient client;
    private ServiceDescriptor announced;

    /** @param connector creates the SDK client (tests pass {@code RoadieClient::create} too) */
    public NodePresence(NodeFacts facts, Function<ClientOptions, RoadieClient> connector) {
        this.facts = facts;
        this.connector = connector;
        this.id = new ServiceId("audio-node", facts.name());
    }

    public ServiceId id() {
        return id;
    }

    /** Whether the agent is on the hub (it left it while the node is down). */
    public boolean present() {
        return client != null;
    }

    /** Announces the node, joining the hub first if needed; announces again only when something changed. */
    public void announce(NodeInfo info, HealthVerdict health) {
        ServiceDescriptor descriptor = describe(info, health);
        if (client == null) {
            ClientOptions.Builder options = ClientOptions.builder().token(facts.hubToken())
                    .clientName(facts.clientName());
            facts.hubs().forEach(options::hub);
            client = connector.apply(options.build());
            announced = null;
        }
        if (!descriptor.equals(announced)) {
            // Not waited for: the SDK keeps the frame until the hub confirms it and announces again
            // in every new session, so a hub that is away must not stall the readings of the node.
            announced = descriptor;
            client.announce(descriptor).whenComplete((ok, failure) -> {
                if (failure == null) {
                    log.info("announced {} at {} ({} health)", id, descriptor.endpoint(), health.level().label());
                } else {
                    log.error("the hub refused to announce {} (does the token have scope announce:audio-node?): {}",
                            id, failure.getMessage());
                }
            });
        }
    }

    public void publish(NodeStats stats) {
        if (client != null) {
            // The SDK keeps the frame until the hub confirms it; waiting would only slow the poll.
            client.updateStats(id, stats).whenComplete((ok, failure) -> {
                if (failure != null) {
                    log.warn("the hub refused the stats of {}: {}", id, failure.toString());
                }
            });
        }
    }

    /** Marks the node draining and waits for the hub's confirmation: nothing may be retired before it. */
    public void drain() {
        await(client.drain(id), "drain");
        log.info("{} is draining: bots place no new players on it", id);
    }

    /** Marks the node retired and waits for the hub's confirmation: the retire actions come after it. */
    public void retire() {
        await(client.retire(id), "retire");
        log.info("{} is retired", id);
    }

    /** Leaves the hub: the registry marks the node down when its lease runs out. */
    public void leave() {
        if (client != null) {
            client.close();
            client = null;
            announced = null;
            log.warn("left the hub so that the registry marks {} down", id);
        }
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    private ServiceDescriptor describe(NodeInfo info, HealthVerdict health) {
        List<String> capabilities = new ArrayList<>();
        info.sourceManagers().forEach(s -> capabilities.add("source:" + s));
        info.plugins().forEach(p -> capabilities.add("plugin:" + p.name()));
        info.filters().forEach(f -> capabilities.add("filter:" + f));
        capabilities.add("lavalink:" + info.version());
        Map<String, String> labels = new LinkedHashMap<>(facts.labels());
        labels.put("lavalink.version", info.version());
        labels.put("health", health.level().label());
        if (!health.reason().isEmpty()) {
            labels.put("health.reason", health.reason());
        }
        return new ServiceDescriptor(id.kind(), id.name(), facts.endpoint().uri().toString(),
                capabilities.size() > 256 ? capabilities.subList(0, 256) : capabilities, labels,
                Map.of("password", facts.password()));
    }

    private static void await(CompletableFuture<Void> call, String what) {
        try {
            call.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new HubCallException("the hub refused " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new HubCallException("the hub did not confirm " + what + " within " + CALL_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubCallException("interrupted during " + what, e);
        }
    }
}
