package dev.roadie.client.internal;

import dev.roadie.client.RoadieException;

/** What becomes of a frame in the outbox: the hub acknowledged it, or refused it, or it was abandoned. Timer thread. */
interface Outcome {

    /** The hub processed the frame (an error about it, if any, came before). */
    void acked();

    /** The hub refused the frame, or the client gave it up (closed, expired). */
    void refused(RoadieException reason);

    /** An outcome that does nothing, for frames nobody waits for. */
    Outcome NONE = new Outcome() {
        @Override
        public void acked() {
        }

        @Override
        public void refused(RoadieException reason) {
        }
    };

    /** An outcome that completes {@code future} when acknowledged and fails it when refused. */
    static Outcome of(java.util.concurrent.CompletableFuture<Void> future) {
        return new Outcome() {
            @Override
            public void acked() {
                future.complete(null);
            }

            @Override
            public void refused(RoadieException reason) {
                future.completeExceptionally(reason);
            }
        };
    }
}
