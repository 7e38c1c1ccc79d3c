package dev.roadie.cli.client;

/** Track lengths as people read them: 3:22, 1:02:05, or "live" for a stream. */
final class Durations {
    private Durations() {
    }

    static String clock(long ms) {
        if (ms <= 0) {
            return "live";
        }
        long seconds = ms / 1000;
        long hours = seconds / 3600;
        return hours > 0 ? String.format("%d:%02d:%02d", hours, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
