package dev.roadie.model.music;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a player does when a track ends. */
public enum RepeatMode {
    /** Go on with the next queued track; stop when there is none. */
    OFF("off"),
    /** Play the same track again. */
    ONE("one"),
    /** Go on with the next track; after the last one, start again with the oldest one still kept. */
    ALL("all");

    private final String wire;

    RepeatMode(String wire) {
        this.wire = wire;
    }

    /** The name used on the wire and in the docs. */
    @JsonValue
    public String wire() {
        return wire;
    }

    /**
     * Leaves {@code off} out of the JSON, as the wire leaves out every default value, so that a
     * player that never repeats writes the same events as before repeat existed.
     */
    static final class OffIsDefault {
        @Override
        public boolean equals(Object value) {
            return value == null || value == OFF;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
