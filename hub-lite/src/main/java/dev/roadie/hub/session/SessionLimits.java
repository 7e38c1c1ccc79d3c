package dev.roadie.hub.session;

/** The per-connection limits a session enforces on itself. */
public record SessionLimits(int framesPerSecond, int frameBurst, long maxPendingBytes, int maxUnackedFrames,
        long maxUnackedBytes, int maxSubscriptions, int maxServices) {
}
