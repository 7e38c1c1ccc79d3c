package dev.roadie.model.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** When a gather answers. */
public enum GatherMode {
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

    /** The name used on the wire and in the docs. */
    @JsonValue
    public String wire() {
        return wire;
    }

    /** Finds a value by its wire name; throws with the list of valid names otherwise. */
    @JsonCreator
    public static GatherMode fromWire(String wire) {
        for (GatherMode value : values()) {
            if (value.wire.equals(wire)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown GatherMode '" + wire + "', expected one of "
                + java.util.Arrays.stream(values()).map(GatherMode::wire).toList());
    }
}
