package dev.roadie.hub.pairing;

import java.time.Duration;

/**
 * A device's new pairing request: the codes exist only here, once.
 *
 * @param id         the request's public id
 * @param deviceCode the secret the device polls with
 * @param userCode   the code the device shows, {@code BCDF-GHJK}
 * @param expiresIn  how long both live
 * @param interval   how often the device may poll
 */
public record StartedPairing(String id, String deviceCode, String userCode, Duration expiresIn, Duration interval) {
    @Override
    public String toString() {
        return "StartedPairing[id=" + id + ", codes=(hidden)]";
    }
}
