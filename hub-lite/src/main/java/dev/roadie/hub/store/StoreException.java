package dev.roadie.hub.store;

import java.io.Serial;

/**
 * The database or the data folder could not be used. The message is meant for the person
 * running Roadie: it names the file or folder and says what to do about it.
 */
public final class StoreException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** A failure with no underlying exception. */
    public StoreException(String message) {
        super(message);
    }

    /** A failure caused by {@code cause}, kept for diagnosis. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
