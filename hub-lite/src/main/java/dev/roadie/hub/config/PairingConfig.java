package dev.roadie.hub.config;

import java.time.Duration;

/**
 * How devices pair with the hub (docs/PAIRING.md).
 *
 * @param codeLifetime        how long a pairing request or an invite may wait to be approved and redeemed
 * @param pollInterval        how often a device may ask whether it was approved; faster polls get {@code slow_down}
 * @param attemptsPerAddress  pairing starts, invite redemptions and unknown codes one address may send per minute
 * @param attemptsTotal       the same from all addresses together per minute, so that guessing from many
 *                            addresses is bounded too
 */
public record PairingConfig(Duration codeLifetime, Duration pollInterval, int attemptsPerAddress, int attemptsTotal) {
    public PairingConfig {
        Require.between("pairing.codeLifetime", codeLifetime, Duration.ofSeconds(1), Duration.ofDays(1));
        Require.between("pairing.pollInterval", pollInterval, Duration.ofSeconds(1), Duration.ofMinutes(1));
        Require.positive("pairing.attemptsPerAddress", attemptsPerAddress);
        Require.positive("pairing.attemptsTotal", attemptsTotal);
    }
}
