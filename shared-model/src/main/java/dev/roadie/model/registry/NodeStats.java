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

    /** More players than any one node serves: a figure above it is a mistake or a lie. */
    public static final int MAX_PLAYERS = 100_000;
    /** A century in milliseconds: the longest uptime taken seriously. */
    public static final long MAX_UPTIME = 100L * 366 * 24 * 3600 * 1000;
    /** One pebibyte: more memory than any node has. */
    public static final long MAX_MEMORY = 1L << 50;
    /** More processor cores than any one machine reports. */
    public static final int MAX_CORES = 4096;
    /** Frames in a minute: 50 a second for each of {@link #MAX_PLAYERS} players. */
    public static final int MAX_FRAMES = 3000 * MAX_PLAYERS;

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
     * What is wrong with these figures, naming the first field out of its range and the range;
     * empty when they are plausible. The hub refuses stats that are not: a negative player count
     * or load would otherwise win least-loaded routing.
     */
    public java.util.Optional<String> problem() {
        String found = outside("players", players, 0, MAX_PLAYERS);
        found = found != null ? found : outside("playingPlayers", playingPlayers, 0, Math.max(0, players));
        found = found != null ? found : outside("uptime", uptime, 0, MAX_UPTIME);
        if (found == null && memory != null) {
            found = outside("memory.free", memory.free(), 0, MAX_MEMORY);
            found = found != null ? found : outside("memory.used", memory.used(), 0, MAX_MEMORY);
            found = found != null ? found : outside("memory.allocated", memory.allocated(), 0, MAX_MEMORY);
            found = found != null ? found : outside("memory.reservable", memory.reservable(), 0, MAX_MEMORY);
        }
        if (found == null && cpu != null) {
            found = outside("cpu.cores", cpu.cores(), 1, MAX_CORES);
            found = found != null ? found : outsideLoad("cpu.systemLoad", cpu.systemLoad());
            found = found != null ? found : outsideLoad("cpu.lavalinkLoad", cpu.lavalinkLoad());
        }
        if (found == null && frameStats != null) {
            found = outside("frameStats.sent", frameStats.sent(), 0, MAX_FRAMES);
            found = found != null ? found : outside("frameStats.nulled", frameStats.nulled(), 0, MAX_FRAMES);
            // Negative is how Lavalink says the deficit is unknown.
            found = found != null ? found : outside("frameStats.deficit", frameStats.deficit(), -MAX_FRAMES,
                    MAX_FRAMES);
        }
        return java.util.Optional.ofNullable(found);
    }

    private static String outside(String field, long value, long min, long max) {
        return value >= min && value <= max ? null
                : "'stats." + field + "' must be between " + min + " and " + max + ", got " + value;
    }

    private static String outsideLoad(String field, double value) {
        // Written so that NaN fails too: every comparison with it is false.
        return value >= 0 && value <= 1 ? null
                : "'stats." + field + "' must be a fraction between 0 and 1, got " + value;
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
