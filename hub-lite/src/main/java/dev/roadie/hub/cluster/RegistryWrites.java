package dev.roadie.hub.cluster;

import dev.roadie.hub.registry.Registry;
import dev.roadie.hub.registry.RegistryElsewhere;
import dev.roadie.hub.registry.RegistryElsewhereException;
import dev.roadie.model.registry.NodeStats;
import dev.roadie.model.registry.ServiceEntry;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Registry changes made on the hub that holds the service (docs/CLUSTER.md, "The registry across
 * hubs"): a state change or stats for a service of another hub go to that hub in one publish
 * ({@code w}), which makes it on its own registry, as alone, and publishes back what it made
 * ({@code x}): the entry as it has it now, or nothing when it no longer holds the service.
 */
final class RegistryWrites implements RegistryElsewhere {
    /** How long the asking hub waits for the holding hub's answer. */
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final String self;
    /** Which other hub holds a service, from the registry's copies. */
    private final Function<ServiceId, Optional<String>> holders;
    /** Publishes an envelope to a hub and hands on how many received it (0: nobody listens there any more). */
    private final Publisher publisher;
    private final AtomicLong next = new AtomicLong();
    private final Map<String, CompletableFuture<Optional<ServiceEntry>>> waiting = new ConcurrentHashMap<>();

    /** One publish to a hub's channel. */
    interface Publisher {
        /** @throws dev.roadie.hub.routing.ElsewhereUnavailableException when Redis cannot be reached now */
        void publish(String hub, String envelope, java.util.function.Consumer<Long> listeners);
    }

    RegistryWrites(String self, Function<ServiceId, Optional<String>> holders, Publisher publisher) {
        this.self = self;
        this.holders = holders;
        this.publisher = publisher;
    }

    @Override
    public Optional<String> holder(ServiceId id) {
        return holders.apply(id);
    }

    @Override
    public CompletableFuture<Optional<ServiceEntry>> setState(String hub, ServiceId id, ServiceState state,
            String actor) {
        return send(hub, id, new Envelope.RegistryWrite(actor, state, null));
    }

    @Override
    public CompletableFuture<Optional<ServiceEntry>> stats(String hub, ServiceId id, NodeStats stats) {
        return send(hub, id, new Envelope.RegistryWrite(null, null, stats));
    }

    private CompletableFuture<Optional<ServiceEntry>> send(String hub, ServiceId id, Envelope.RegistryWrite change) {
        String writeId = "w" + next.incrementAndGet() + "-" + self;
        CompletableFuture<Optional<ServiceEntry>> answer = new CompletableFuture<>();
        waiting.put(writeId, answer);
        CompletableFuture<Optional<ServiceEntry>> bounded = answer
                .orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((entry, failed) -> waiting.remove(writeId))
                .exceptionallyCompose(failed -> CompletableFuture.failedFuture(failed instanceof TimeoutException
                        ? new RegistryElsewhereException("hub " + hub + ", which holds " + id + ", did not answer within "
                                + TIMEOUT.toSeconds() + " s: the change may or may not have been made there; read the"
                                + " service again (GET /api/services/" + id + ") and repeat it if it was not")
                        : failed));
        try {
            publisher.publish(hub, Envelope.write(self, writeId, id, change), listeners -> {
                if (listeners == 0) {
                    answer.completeExceptionally(new RegistryElsewhereException("hub " + hub + ", which holds " + id
                            + ", is gone: nothing was changed; its services go down by their lease, and the service"
                            + " can be changed once it announces itself again on a hub"));
                }
            });
        } catch (dev.roadie.hub.routing.ElsewhereUnavailableException e) {
            answer.completeExceptionally(new RegistryElsewhereException(id + " is held by hub " + hub
                    + ", which this hub cannot reach now (" + e.getMessage() + "): nothing was changed; try again"
                    + " once /api/health is ok, or on that hub"));
        }
        return bounded;
    }

    /** The holding hub's answer to one of this hub's writes; one that came too late is dropped. */
    void written(Envelope.Written written) {
        CompletableFuture<Optional<ServiceEntry>> answer = waiting.remove(written.writeId());
        if (answer != null) {
            answer.complete(Optional.ofNullable(written.entry()));
        }
    }

    /** Makes a write another hub asked for, on this hub's own registry, and answers it with {@code answer}. */
    static void make(Envelope.Write write, Registry registry, BiConsumer<String, String> answer) {
        Envelope.RegistryWrite change = write.change();
        Optional<ServiceEntry> made = change.state() != null
                ? registry.setState(write.service(), change.state(), change.actor() + " (through hub " + write.from()
                        + ")")
                : registry.stats(write.service(), change.stats());
        answer.accept(write.from(), Envelope.written(write.writeId(), made));
    }
}
