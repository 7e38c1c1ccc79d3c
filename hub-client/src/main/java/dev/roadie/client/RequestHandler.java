package dev.roadie.client;

/**
 * Answers requests of one subject. Runs on the client's event thread, one request at a time.
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
