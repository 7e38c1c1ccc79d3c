package dev.roadie.search.spi;

/** A provider could not answer; the message says why in words the user can act on. */
public class ProviderException extends Exception {

    /** @param message why the provider failed */
    public ProviderException(String message) {
        super(message);
    }

    /**
     * @param message why the provider failed
     * @param cause   the underlying failure
     */
    public ProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
