package dev.roadie.client;

/**
 * Receives messages. Runs on the client's event thread, one message at a time and in the order
 * they arrived; a handler that blocks delays every other handler of this client (but never the
 * socket). An exception it throws is logged and the next message is handled.
 */
@FunctionalInterface
public interface MessageHandler {

    /** Handles one message. */
    void onMessage(IncomingMessage message) throws Exception;
}
