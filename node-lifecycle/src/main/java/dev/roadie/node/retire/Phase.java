package dev.roadie.node.retire;

/** Where a node is in its life, as its keeper (the node agent, or the audio node itself) drives it. */
public enum Phase {
    /** Reading the node, announcing it and publishing its stats. */
    WATCHING,
    /** The block is exhausted: the node is draining, its keeper waits for its players to leave. */
    DRAINING,
    /** The node is retired and the retire actions ran (or, in a dry run, were logged): nothing is left to do. */
    RETIRED
}
