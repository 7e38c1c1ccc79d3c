package dev.roadie.hub.routing;

import dev.roadie.hub.session.PreparedFrame;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Message;
import java.util.List;

/**
 * Messages marked durable, kept for each receiver until that receiver acknowledges them, so that
 * they survive a hub restart and wait for a receiver that is away. Delivery is at least once: a
 * receiver that reconnects as a new session gets its pending ones again and drops what it
 * already had by message id. A hub on its own keeps them in its data folder
 * ({@link LocalDurableMessages}); the hubs of a cluster share them in Redis (docs/CLUSTER.md).
 * What is stored is bounded by the {@code quotas.durable*} settings, per sender, per receiver
 * and in all.
 */
public interface DurableMessages {

    /** A stored message for one receiver. */
    record Pending(long id, PreparedFrame frame) {
    }

    /**
     * Stores {@code message} once for each receiver; returns the ids in the same order.
     *
     * @throws QuotaExceededException        when that would take the sender, a receiver or the hub
     *                                       over its quota; then nothing is stored
     * @throws ElsewhereUnavailableException when the shared store cannot take it or cannot confirm
     *                                       it is kept; the sender is not acknowledged
     */
    List<Long> store(List<ServiceId> receivers, Message message);

    /** The receiver acknowledged it: forget it (once, however many times it is acknowledged). */
    void delivered(long id);

    /**
     * Whether messages may wait for {@code receiver}: then the hub knows it, even after the
     * registry forgot it, and more may be stored for it.
     */
    boolean mayHaveWaiting(ServiceId receiver);

    /** What waits for {@code receiver}, oldest first. */
    List<Pending> pendingFor(ServiceId receiver);

    /** Drops what waited longer than the time to live; returns how many. */
    int expire();
}
