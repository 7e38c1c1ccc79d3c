package dev.roadie.model.registry;

/**
 * Load figures of a service, in the shape of Lavalink v4's {@code /v4/stats} so that a node
 * agent can pass them on as they are. Services that are not audio nodes fill what applies.
 *
 * @param players        connected players
 * @param playingPlayers players that are playing
 * @param uptime         milliseconds since start
 * @param memory         memory in bytes, or null
 * @param cpu            processor figures, or null
 * @param frameStats     audio frames of the last minute, or null when unknown
 */
public record NodeStats(int players, int playingPlayers, long uptime, Memory memory, Cpu cpu, FrameStats frameStats) {

    /** Memory figures in bytes. */
    public record Memory(long free, long used, long allocated, long reservable) {
    }

    /** Processor figures; loads between 0 and 1. */
    public record Cpu(int cores, double systemLoad, double lavalinkLoad) {
    }

    /** Frames sent, nulled and missing (deficit) over the last minute. */
    public record FrameStats(int sent, int nulled, int deficit) {
    }

    /**
     * A penalty in the spirit of Lavalink clients' load balancing: playing players, plus a
     * term that grows steeply with system load, plus missing and nulled frames. Lower is better.
     */
    public double penalty() {
        double cpuPenalty = cpu == null ? 0 : Math.pow(1.05, 100 * cpu.systemLoad()) * 10 - 10;
        double framePenalty = 0;
        if (frameStats != null && frameStats.deficit() >= 0) {
            framePenalty = Math.pow(1.03, 500.0 * frameStats.deficit() / 3000) * 600 - 600
                    + (Math.pow(1.03, 500.0 * frameStats.nulled() / 3000) * 300 - 300) * 2;
        }
        return playingPlayers + cpuPenalty + framePenalty;
    }
}
