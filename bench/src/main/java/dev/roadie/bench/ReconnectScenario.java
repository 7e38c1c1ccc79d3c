package dev.roadie.bench;

import dev.roadie.bench.peers.RoadieSystem;

/** Scenario (e): silent link death and hub restart, Roadie only. */
final class ReconnectScenario {
    static final String ID = "e";
    static final String SILENT = "silent link death";
    static final String RESTART = "hub restart";
    static final String SHORT_HEARTBEAT_NOTE = "The quick run uses a short heartbeat";

    private final BenchContext context;

    ReconnectScenario(BenchContext context) {
        this.context = context;
    }

    void run(RoadieSystem roadie) {
        context.results().note(ID, "not implemented yet");
    }
}
