package dev.roadie.hub.routing;

/**
 * Something a client sent would take it, its receiver or the hub over a quota
 * ({@code quotas.*}): it was refused, and nothing of it was stored or sent. The message says
 * which quota and what to do; the socket answers {@code limit-reached}, REST 429.
 */
public final class QuotaExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QuotaExceededException(String message) {
        super(message);
    }
}
