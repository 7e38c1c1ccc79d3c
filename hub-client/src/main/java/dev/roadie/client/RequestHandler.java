package dev.roadie.client;

/**
 * Answers requests of one subject. Runs on one of the client's request threads
 * ({@code roadie-client-NAME-request-N}), up to {@link ClientOptions#requestConcurrency()}
 * requests at a time, beside the event thread's message handlers and listeners: what it shares
 * with them or with other requests needs a lock. It starts after the handlers of everything that
 * arrived before its request.
 * Return the reply's body (a record, a {@code JsonNode}, a string, ... written with the
 * protocol's codec; null for no body). Throw {@link RequestFailedException} to answer with an
 * error of your own code; any other exception is answered with code {@code handler-failed}
 * (and logged), a body that does not fit ({@code as(...)} failing) with {@code invalid-frame}.
 */
@FunctionalInterface
public interface RequestHandler {

    /** Answers one request. */
    Object handle(IncomingRequest request) throws Exception;
}
