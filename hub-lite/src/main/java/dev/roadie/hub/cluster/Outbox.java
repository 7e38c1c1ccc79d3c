package dev.roadie.hub.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The envelopes this hub hands to other hubs, published by one thread of its own, in the order
 * they were given. Whatever waits when the thread comes round is sent together: the envelopes
 * for one hub in one publish ({@link Envelope#batch}, at most {@link #MAX_BATCH} of them), every
 * publish of the round written to Redis in one flush. One at a time, each its own publish and
 * its own write, two hubs fell behind at 8,000 messages a second (docs/CLUSTER.md, "A first
 * measurement"); at a low rate the thread finds one envelope and sends it at once.
 *
 * <p>Order between one sender and one receiver is kept: one queue, one thread, one connection,
 * and the receiving hub handles a batch's envelopes in order.
 */
final class Outbox implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    /** At most this many envelopes in one publish, so that one message to Redis stays small next to its buffers. */
    static final int MAX_BATCH = 256;

    /** Where a round's publishes go: one publish to a hub's channel, and the write of everything published since the last. */
    interface Publisher {
        /** Publishes {@code text} to hub {@code hub}'s channel; completes with how many hubs heard it. */
        CompletionStage<Long> publish(String hub, String text);

        /** Writes the publishes of this round to Redis. */
        void flush();
    }

    /** One envelope for hub {@code hub}; {@code listeners} gets how many received the publish that carried it. */
    private record Pending(String hub, String envelope, Consumer<Long> listeners) {
    }

    private static final Pending STOP = new Pending("", "", count -> { });

    private final Publisher publisher;
    /** Told when a publish failed (Redis went away between the check and the write). */
    private final BiConsumer<String, Throwable> failed;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;

    Outbox(Publisher publisher, BiConsumer<String, Throwable> failed) {
        this.publisher = publisher;
        this.failed = failed;
        this.thread = Thread.ofPlatform().name("roadie-cluster-outbox").daemon().start(this::run);
    }

    /** Queues {@code envelope} for hub {@code hub}; returns at once. */
    void send(String hub, String envelope, Consumer<Long> listeners) {
        queue.add(new Pending(hub, envelope, listeners));
    }

    private void run() {
        List<Pending> round = new ArrayList<>();
        try {
            while (true) {
                round.add(queue.take());
                queue.drainTo(round);
                if (!publish(round)) {
                    return;
                }
                round.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Publishes one round; false once it met {@link #STOP}. */
    private boolean publish(List<Pending> round) {
        Map<String, List<Pending>> byHub = new LinkedHashMap<>();
        boolean more = true;
        for (Pending pending : round) {
            if (pending == STOP) {
                more = false;
                break;
            }
            byHub.computeIfAbsent(pending.hub(), hub -> new ArrayList<>()).add(pending);
        }
        byHub.forEach((hub, envelopes) -> {
            for (int from = 0; from < envelopes.size(); from += MAX_BATCH) {
                publish(hub, envelopes.subList(from, Math.min(envelopes.size(), from + MAX_BATCH)));
            }
        });
        if (byHub.isEmpty()) {
            return more;
        }
        try {
            publisher.flush();
        } catch (RuntimeException e) {
            failed.accept("writing to Redis", e);
        }
        return more;
    }

    private void publish(String hub, List<Pending> envelopes) {
        String text = envelopes.size() == 1 ? envelopes.getFirst().envelope()
                : Envelope.batch(envelopes.stream().map(Pending::envelope).toList());
        List<Pending> told = List.copyOf(envelopes);
        try {
            publisher.publish(hub, text).whenComplete((count, failure) -> {
                if (failure != null) {
                    failed.accept("publishing to hub " + hub, failure);
                } else {
                    told.forEach(pending -> pending.listeners().accept(count));
                }
            });
        } catch (RuntimeException e) {
            // Lettuce refuses at once while its connection is down: these envelopes are lost, as a frame to a dead link.
            failed.accept("publishing to hub " + hub, e);
        }
    }

    /** Sends what is queued, then stops the thread; waits up to a second for it. */
    @Override
    public void close() {
        queue.add(STOP);
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("The cluster's outbox did not finish within a second; what it still holds is dropped");
            thread.interrupt();
        }
    }
}
