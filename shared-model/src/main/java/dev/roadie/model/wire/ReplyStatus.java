package dev.roadie.model.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The outcome of a request for one receiver, in a reply or in a gather result. */
public enum ReplyStatus implements WireName {
    /** The receiver answered with a result. */
    OK("ok"),
    /** The receiver answered with an error. */
    ERROR("error"),
    /** The receiver did not answer before the deadline. */
    TIMEOUT("timeout"),
    /** The receiver disconnected before it answered. */
    GONE("gone"),
    /** The receiver is connected but handles no requests of this subject. */
    NO_HANDLER("no-handler"),
    /** Nobody matched the address when the request was sent. */
    NO_ROUTE("no-route");

    private final String wire;

    ReplyStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    /** Finds a value by its wire name; throws with the list of valid names otherwise. */
    @JsonCreator
    public static ReplyStatus fromWire(String wire) {
        return WireName.find(ReplyStatus.class, wire);
    }
}
