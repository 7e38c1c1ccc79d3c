package dev.roadie.hub.pairing;

/** No pairing request has that id or user code (or its code was used or has expired and gone). */
public final class UnknownPairingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnknownPairingException(String reference) {
        super("no pending pairing request has the code or id '" + reference + "'; it may have expired:"
                + " ask the device to start again, and check the code it shows");
    }
}
