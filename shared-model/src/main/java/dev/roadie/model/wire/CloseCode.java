package dev.roadie.model.wire;

/** Why the hub closed a WebSocket, as the close status code a client sees. */
public enum CloseCode {
    /** The hub is shutting down; reconnect with backoff. */
    GOING_AWAY(1001, "hub shutting down"),
    /** A frame was over the hard size limit, which is four times maxFrameBytes. */
    TOO_BIG(1009, "frame too large"),
    /** No hello arrived within the auth timeout. */
    HELLO_TIMEOUT(4001, "no hello in time"),
    /** The hello was refused: bad token, wrong identity or protocol. */
    UNAUTHORIZED(4003, "unauthorized"),
    /** Nothing was heard from the client for heartbeat interval times tolerance. */
    HEARTBEAT_MISSED(4004, "heartbeat missed"),
    /** A policy limit: too many connections from one address, the hub is full, or a client kept flooding. */
    POLICY(4008, "policy limit"),
    /** The client does not read or does not acknowledge fast enough; the hub will not buffer without end. */
    SLOW_CONSUMER(4009, "slow consumer"),
    /** A newer connection of the same service took over. */
    REPLACED(4010, "replaced by a newer connection"),
    /** The hello asked not to replace its identity ({@code "replace": false}), and it is connected. */
    IDENTITY_IN_USE(4011, "identity in use"),
    /** Too many clients connecting at once; a goodbye frame said when to come back. */
    TRY_LATER(4029, "try again later");

    private final int code;
    private final String reason;

    CloseCode(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    /** The WebSocket close status code. */
    public int code() {
        return code;
    }

    /** A short reason to send with the close. */
    public String reason() {
        return reason;
    }

    /** The close code with this status, or null for codes the hub does not use. */
    public static CloseCode of(int code) {
        for (CloseCode value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        return null;
    }
}
