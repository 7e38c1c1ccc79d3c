package dev.roadie.hub.pairing;

import java.util.List;

/**
 * A pairing as the hubs of a cluster share it: the whole row, its codes only as their hashes
 * (as in the database), times in epoch milliseconds. A device may start on one hub and be
 * approved on another.
 */
public record SharedPairing(String id, String flow, String kind, String deviceName, String platform, String address,
        String state, List<String> scopes, long createdAt, long expiresAt, Long lastPollAt, String decidedBy,
        String tokenId, Long redeemedAt, String deviceCodeHash, String userCodeHash) {

    public SharedPairing {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /**
     * Whether every hub drops it by {@code nowMillis}: it never gave a token and expired longer
     * ago than a hub keeps such a pairing ({@link PairingService#KEEP_EXPIRED}).
     */
    public boolean droppedBy(long nowMillis) {
        return step() < 2 && expiresAt < nowMillis - PairingService.KEEP_EXPIRED.toMillis();
    }

    /** How far along it is: a later step wins over an earlier one when two hubs differ. */
    public int step() {
        return switch (state) {
            case "pending" -> 0;
            case "approved", "denied" -> 1;
            default -> 2;
        };
    }
}
