package dev.roadie.client;

/** Why a link to the hub ended, in {@link DisconnectReason}. */
public enum DisconnectCause {
    /** The hub closed the socket (for example because it stops, or the network closed it). */
    CLOSED_BY_HUB,
    /** Nothing was heard from the hub for heartbeat interval times tolerance: the client gave the link up. */
    DEAD_LINK,
    /** No socket, or no welcome, could be had from any address of any hub URI. */
    CONNECT_FAILED,
    /** The hub said goodbye: it is going away or too busy, and said when to come back. */
    GOODBYE,
    /**
     * The hub refused this client (close 4003 unauthorized, 4010 replaced, or 4011 identity in use
     * when it asked not to replace); the client stops.
     */
    REFUSED,
    /** The application closed the client. */
    CLOSED_BY_CLIENT
}
