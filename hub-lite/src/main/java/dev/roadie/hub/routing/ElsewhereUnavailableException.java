package dev.roadie.hub.routing;

/** The other hubs of the cluster cannot be reached now (its Redis is down or cut off): nothing was sent. */
public final class ElsewhereUnavailableException extends RuntimeException {
    public ElsewhereUnavailableException(String message) {
        super(message);
    }

    public ElsewhereUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
