package dev.roadie.agent.lavalink;

import dev.roadie.model.registry.NodeStats;

/**
 * What {@link LavalinkSocket} tells the agent. Called on the socket's IO thread: implementations
 * hand the work to their own thread at once, so a slow reading never stalls the socket.
 */
public interface SocketListener {
    /** The node sent its ready op: it is up, under this session id. */
    void ready(String sessionId, boolean resumed);

    /** The node pushed a stats op (the same shape as {@code GET /v4/stats}). */
    void stats(NodeStats stats);
}
