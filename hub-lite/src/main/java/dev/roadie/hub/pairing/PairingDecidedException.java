package dev.roadie.hub.pairing;

/** A pairing request that can no longer be approved or denied: already decided, or expired. */
public final class PairingDecidedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PairingDecidedException(String message) {
        super(message);
    }
}
