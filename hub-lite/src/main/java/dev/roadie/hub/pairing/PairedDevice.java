package dev.roadie.hub.pairing;

import java.time.Instant;
import java.util.List;

/**
 * A device that paired, with its token's state: what the Devices view and {@code roadie pair
 * list} show.
 *
 * @param tokenId    the device's token, by which it is revoked
 * @param tokenName  the token's name, which the device connects as ({@code KIND/NAME})
 * @param deviceName the name the device gave
 * @param kind       its kind
 * @param platform   what it runs on, as it said
 * @param address    the client address it paired from
 * @param scopes     what it may do
 * @param pairedAt   when it got its token
 * @param lastSeen   when its token was last used (to the minute), null if never
 * @param revokedAt  when it was revoked, null while active
 */
public record PairedDevice(String tokenId, String tokenName, String deviceName, String kind, String platform,
        String address, List<String> scopes, Instant pairedAt, Instant lastSeen, Instant revokedAt) {
    public PairedDevice {
        scopes = List.copyOf(scopes);
    }
}
