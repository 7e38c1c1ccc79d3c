package dev.roadie.client.internal;

/**
 * Keeps the client under the hub's {@code framesPerSecond}: the hub drops frames over it
 * unprocessed and closes clients that keep flooding. A token bucket refilled at 90 % of the
 * hub's rate. Timer thread.
 */
final class RateGate {
    private double perNano;
    private double burst;
    private double tokens;
    private long lastNanos = System.nanoTime();

    RateGate() {
        configure(200);
    }

    /** Applies the rate from the hub's welcome (0 means unknown: the protocol's default of 200). */
    void configure(int framesPerSecond) {
        int rate = framesPerSecond > 0 ? framesPerSecond : 200;
        this.perNano = rate * 0.9 / 1e9;
        this.burst = Math.max(1, rate / 2.0);
        this.tokens = burst;
        this.lastNanos = System.nanoTime();
    }

    /** Takes one token for a frame that may wait; false when it must wait {@link #waitNanos()}. */
    boolean tryTake() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Takes a token for a control frame, which never waits (acks, pongs and pings count on the hub too). */
    void take() {
        refill();
        tokens -= 1;
    }

    /** How long until the next token. */
    long waitNanos() {
        return (long) Math.ceil((1 - tokens) / perNano);
    }

    /** Stops sending for a while after the hub said it dropped frames. */
    void penalize() {
        tokens = Math.min(tokens, 0) - burst;
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - lastNanos) * perNano);
        lastNanos = now;
    }
}
