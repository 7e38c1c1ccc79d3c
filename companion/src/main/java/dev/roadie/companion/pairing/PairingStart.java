package dev.roadie.companion.pairing;

import java.time.Duration;

/**
 * The hub's answer to {@code POST /api/pair/start}: the code to show, where to approve it, and
 * how often to ask.
 */
public record PairingStart(String deviceCode, String userCode, String verificationUri, Duration expiresIn,
        Duration interval) {
}
