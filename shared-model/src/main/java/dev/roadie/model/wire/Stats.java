package dev.roadie.model.wire;

import dev.roadie.model.registry.NodeStats;
import dev.roadie.model.registry.ServiceId;

/** New load figures for an announced service; the hub uses them to pick the least loaded. */
public record Stats(long seq, String id, ServiceId service, NodeStats stats) implements Numbered {
    public Stats {
        Fields.requireText(id, "id", Fields.MAX_ID);
        Fields.require(service, "service");
        Fields.require(stats, "stats");
    }

    @Override
    public Stats withSeq(long seq) {
        return new Stats(seq, id, service, stats);
    }
}
