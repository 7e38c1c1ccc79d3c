package dev.roadie.hub.pairing;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One pairing as stored: a device's request or an owner's invite, and what became of it. Holds
 * no code, only what may be shown.
 *
 * @param id         the public id, which the page approves and denies by
 * @param flow       how it started
 * @param kind       the kind of token it gives: {@code desktop}, {@code mobile} or {@code extension}
 * @param deviceName the name the device gave (an invite has none until it is redeemed)
 * @param platform   what the device runs on, as it said (free text, for the approver)
 * @param address    the client address it came from
 * @param state      where it is
 * @param scopes     the scopes it will get: the approved ones, or an invite's
 * @param createdAt  when it started
 * @param expiresAt  when its code stops working unless redeemed
 * @param lastPollAt when the device last asked, null before it did
 * @param decidedBy  who approved, denied or invited, null while pending
 * @param tokenId    the token it was given, null before it was redeemed
 * @param redeemedAt when it was redeemed, null before
 */
public record Pairing(String id, Flow flow, String kind, String deviceName, String platform, String address,
        State state, List<String> scopes, Instant createdAt, Instant expiresAt, Instant lastPollAt, String decidedBy,
        String tokenId, Instant redeemedAt) {

    public Pairing {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /** Whether its code no longer works at {@code now} (a redeemed one has no code left). */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** How a pairing started. */
    public enum Flow {
        /** A device asked and showed its user code (RFC 8628). */
        DEVICE,
        /** The owner made a code for a device to redeem. */
        INVITE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where a pairing is. */
    public enum State {
        /** Waiting for the owner (a device's request). */
        PENDING,
        /** Approved (or an invite), waiting for the device to take its token. */
        APPROVED,
        /** Refused by the owner. */
        DENIED,
        /** The device has its token; the codes are gone. */
        REDEEMED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
