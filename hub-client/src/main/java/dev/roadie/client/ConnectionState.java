package dev.roadie.client;

/** Where a {@link RoadieClient}'s link to the hub is. */
public enum ConnectionState {
    /** Opening a socket or waiting for the hub's welcome. */
    CONNECTING,
    /** Welcomed by the hub: frames flow. */
    CONNECTED,
    /** The link was lost; the client waits for its reconnect delay and then connects again. */
    DISCONNECTED,
    /**
     * The hub refused the client for good (a bad or revoked token, or another connection took over
     * the identity). The client does not retry: fix the cause and create a new client.
     */
    FAILED,
    /** Closed by {@link RoadieClient#close()}. */
    CLOSED
}
