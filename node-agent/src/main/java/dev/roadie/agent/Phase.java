package dev.roadie.agent;

/** Where the agent is in the node's life. */
public enum Phase {
    /** Reading the node, announcing it and publishing its stats. */
    WATCHING,
    /** The block is exhausted: the node is draining, the agent waits for its players to leave. */
    DRAINING,
    /** The node is retired and the retire actions ran (or, in a dry run, were logged): the agent is done. */
    RETIRED
}
