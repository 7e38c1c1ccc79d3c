package dev.roadie.hub.http;

import java.io.IOException;

/**
 * A request body was still arriving {@code http.bodyTimeout} after the request began, or arrived
 * slower than {@code http.minRequestDataRate}: the read fails with it, and the API answers 408 in
 * its JSON error shape with the message, which names the setting. An
 * {@link IOException} for the readers of the body, but on purpose not caused by a
 * {@link java.util.concurrent.TimeoutException}: Javalin answers those with an empty 408 of its
 * own before any handler of ours could say which setting cut the call off.
 */
public final class BodyTimeoutException extends IOException {
    BodyTimeoutException(String message) {
        super(message);
    }
}
