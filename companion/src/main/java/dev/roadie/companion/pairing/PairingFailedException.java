package dev.roadie.companion.pairing;

/** Pairing could not go on: the hub is unreachable or answered what pairing cannot use. The message is for the user. */
public final class PairingFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    public PairingFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    public PairingFailedException(String message) {
        super(message);
    }
}
