package dev.roadie.client;

/**
 * A send was refused at once because the frames not yet confirmed by the hub reached the
 * outbox limit (usually because the hub has been unreachable for a while). Nothing was queued.
 */
public final class OutboxFullException extends RoadieException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message saying which limit was hit and what to do. */
    public OutboxFullException(String message) {
        super(message);
    }
}
