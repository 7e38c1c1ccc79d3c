package dev.roadie.hub.routing;

/**
 * A durable message names a service the hub does not know: it has no token and was never
 * announced, so nobody could ever take the message, and the hub does not store it. The
 * socket answers {@code not-found}, REST 404.
 */
public final class UnknownReceiverException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnknownReceiverException(String message) {
        super(message);
    }
}
