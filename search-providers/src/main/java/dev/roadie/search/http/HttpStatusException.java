package dev.roadie.search.http;

import dev.roadie.search.spi.ProviderException;

/** A service answered with a status that is not success (and not 429, see {@code RateLimitedException}). */
public class HttpStatusException extends ProviderException {

    private final int status;

    /**
     * @param message who answered what, never the body of the answer
     * @param status  the HTTP status
     */
    public HttpStatusException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }
}
