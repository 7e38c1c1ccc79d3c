package dev.roadie.companion.pairing;

import java.time.Duration;

/** The hub's answer to one poll of {@code POST /api/pair/token} (docs/PAIRING.md). */
public sealed interface PollAnswer {

    /** Approved: the device's token, given this once. */
    record Approved(String token) implements PollAnswer {
        @Override
        public String toString() {
            return "Approved[token hidden]";
        }
    }

    /** Not decided yet ({@code authorization_pending}); {@code slow_down} asks to wait longer. */
    record Pending(boolean slowDown) implements PollAnswer {
    }

    /** The code expired before it was approved, or the hub no longer knows it: start again. */
    record Expired(String reason) implements PollAnswer {
    }

    /** The owner said no. */
    record Denied() implements PollAnswer {
    }

    /** Too many attempts from here: wait {@code retryAfter}. */
    record RateLimited(Duration retryAfter) implements PollAnswer {
    }
}
