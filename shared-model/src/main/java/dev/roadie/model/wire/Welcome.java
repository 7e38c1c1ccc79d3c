package dev.roadie.model.wire;

import java.util.List;

/**
 * The hub's answer to a good hello.
 *
 * @param session     the session id, to name when resuming
 * @param epoch       changes whenever the hub restarts: a new epoch means the hub forgot
 *                    subscriptions and announcements, which the client must make again
 * @param heartbeatMs how often each side sends a ping when it has nothing else to send
 * @param resumed     whether the named session was resumed
 * @param lastSeq     the last sequence number the hub received from the client in this session
 * @param you         who the token says the client is
 * @param limits      the limits this connection runs under
 * @param hubs        in a cluster, the socket URLs of its hubs ({@code wss://HOST/ws}), this one
 *                    first, for the client to add to the hubs it fails over to; null (absent) for
 *                    a hub on its own or a cluster whose hubs advertise no URL
 */
public record Welcome(String session, String epoch, long heartbeatMs, boolean resumed, long lastSeq, Identity you,
        Limits limits, List<String> hubs) implements Frame {

    public Welcome {
        hubs = hubs == null || hubs.isEmpty() ? null : List.copyOf(hubs);
    }

    /** The welcome of a hub on its own. */
    public Welcome(String session, String epoch, long heartbeatMs, boolean resumed, long lastSeq, Identity you,
            Limits limits) {
        this(session, epoch, heartbeatMs, resumed, lastSeq, you, limits, null);
    }

    /** The principal behind the connection. */
    public record Identity(String kind, String name, List<String> scopes) {
        public Identity {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }
    }

    /** What the hub enforces on this connection. */
    public record Limits(int maxFrameBytes, int framesPerSecond, int maxSubscriptions, long maxTimeoutMs) {
    }
}
