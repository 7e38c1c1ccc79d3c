package dev.roadie.bench.peers;

/** What a system under test can do, so that scenarios skip (and say so) what it cannot. */
public enum Capability {
    /** Messages from one peer to another by name. */
    DIRECT,
    /** One message to every member of a group. */
    FAN_OUT,
    /** Request and reply. */
    REQUEST,
    /** One request to a group, the answers collected. */
    GATHER,
    /** Only echoes what a peer sends back to that peer: the ceiling, not a relay. */
    ECHO_ONLY
}
