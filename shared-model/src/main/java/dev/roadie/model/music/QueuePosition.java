package dev.roadie.model.music;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a track added to a queue goes. */
public enum QueuePosition {
    /** After everything already queued. */
    END("end"),
    /** Right after the track that is playing. */
    NEXT("next"),
    /** Replace what is playing and start at once. */
    NOW("now");

    private final String wire;

    QueuePosition(String wire) {
        this.wire = wire;
    }

    /** The name used on the wire and in the docs. */
    @JsonValue
    public String wire() {
        return wire;
    }
}
