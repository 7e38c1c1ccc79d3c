package dev.roadie.model.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** When a gather answers. */
public enum GatherMode implements WireName {
    /** When every expected receiver answered, failed, timed out or left. */
    ALL("all"),
    /** At the first ok answer, or when none can come any more. */
    FIRST("first"),
    /** When quorum receivers answered ok, or when that can no longer happen. */
    QUORUM("quorum");

    private final String wire;

    GatherMode(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    /** Finds a value by its wire name; throws with the list of valid names otherwise. */
    @JsonCreator
    public static GatherMode fromWire(String wire) {
        return WireName.find(GatherMode.class, wire);
    }
}
