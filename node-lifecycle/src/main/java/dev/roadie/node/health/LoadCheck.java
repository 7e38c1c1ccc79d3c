package dev.roadie.node.health;

import dev.roadie.model.registry.NodeStats;

/**
 * Judges the load: system CPU load, and the frame deficit when Lavalink reports it (it sends
 * {@code frameStats} only once players have played for a while). Lavalink expects 3000 frames a
 * minute (one per 20 ms) per playing player; the deficit is how many were missing.
 */
public final class LoadCheck {
    /** Frames a playing player should send in a minute, per Lavalink's docs. */
    public static final int FRAMES_PER_MINUTE = 3000;

    private final HealthThresholds thresholds;

    public LoadCheck(HealthThresholds thresholds) {
        this.thresholds = thresholds;
    }

    public Finding judge(NodeStats stats) {
        Finding finding = Finding.PASSING;
        if (stats.cpu() != null) {
            double load = stats.cpu().systemLoad();
            finding = finding.worst(Finding.of(load, thresholds.loadWarning(), thresholds.loadCritical(),
                    String.format(java.util.Locale.ROOT, "system load %.2f", load)));
        }
        if (stats.frameStats() != null && stats.playingPlayers() > 0) {
            double expected = (double) stats.playingPlayers() * FRAMES_PER_MINUTE;
            double share = stats.frameStats().deficit() / expected;
            finding = finding.worst(Finding.of(share, thresholds.framesWarning(), thresholds.framesCritical(),
                    String.format(java.util.Locale.ROOT, "frame deficit %.0f%%", share * 100)));
        }
        return finding;
    }
}
