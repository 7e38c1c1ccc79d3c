package dev.roadie.hub.session;

import java.util.function.Consumer;

/** The socket under a session: the hub's only way to write to a client. */
public interface ClientLink {

    /** Queues {@code text} for sending; exactly one of the callbacks runs when it is written or failed. */
    void send(String text, Runnable sent, Consumer<Throwable> failed);

    /** Closes the socket with a status code and reason. */
    void close(int code, String reason);
}
