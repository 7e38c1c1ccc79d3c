package dev.roadie.node.health;

import dev.roadie.node.health.RoutePlannerStatus;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Judges the route planner's IP block: how much of it is failing, how fast new failures arrive,
 * and how often the planner jumps to another block. A critical finding means the block is
 * exhausted: the source rate-limits it faster than the planner can rotate.
 * <p>Keeps the block index of recent readings (for the jumps); not thread-safe: the agent's
 * poll thread alone calls it.
 */
public final class AddressCheck {
    private record Jump(Instant at) {
    }

    private final HealthThresholds thresholds;
    private final Deque<Jump> jumps = new ArrayDeque<>();
    private java.math.BigInteger lastIndex;

    public AddressCheck(HealthThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** Judges the planner's status as read at {@code now}. */
    public Finding judge(RoutePlannerStatus status, Instant now) {
        Finding finding = Finding.PASSING;
        int failing = status.failingAddresses().size();
        if (status.blockSize().signum() > 0) {
            // The size of an IPv6 block is far beyond a double's exact range; the share is what matters.
            double share = new BigDecimal(failing).divide(new BigDecimal(status.blockSize()), MathContext.DECIMAL64)
                    .doubleValue();
            finding = finding.worst(Finding.of(share, thresholds.addressesWarning(), thresholds.addressesCritical(),
                    failing + " of " + status.blockSize() + " addresses failing"));
        }
        long since = now.minus(thresholds.failuresWindow()).toEpochMilli();
        long recent = status.failingAddresses().stream().filter(a -> a.failingAt() >= since).count();
        finding = finding.worst(Finding.of(recent, thresholds.failuresWarning(), thresholds.failuresCritical(),
                recent + " new failing addresses in " + thresholds.failuresWindow().toSeconds() + "s"));
        int jumpCount = countJumps(status.blockIndex(), now);
        return finding.worst(Finding.of(jumpCount, thresholds.jumpsWarning(), thresholds.jumpsCritical(),
                "block index changed " + jumpCount + " times in " + thresholds.jumpsWindow().toSeconds() + "s"));
    }

    private int countJumps(java.math.BigInteger index, Instant now) {
        if (index != null) {
            if (lastIndex != null && !Objects.equals(lastIndex, index)) {
                jumps.addLast(new Jump(now));
            }
            lastIndex = index;
        }
        Instant since = now.minus(thresholds.jumpsWindow());
        while (!jumps.isEmpty() && jumps.peekFirst().at().isBefore(since)) {
            jumps.removeFirst();
        }
        return jumps.size();
    }
}
