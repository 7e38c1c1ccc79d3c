package dev.roadie.model.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.roadie.model.wire.WireName;

/** Where a service is in its life. */
public enum ServiceState implements WireName {
    /** Announced and alive: takes new work. */
    UP("up"),
    /** Alive but should get no new work (players, requests); finishing what it has. */
    DRAINING("draining"),
    /**
     * Taken out of service on purpose. Its lease no longer turns it down, so everyone sees why it
     * left; it is forgotten once not heard from for the registry's removeAfter.
     */
    RETIRED("retired"),
    /** Its lease ran out: missed heartbeats or disconnected. Removed after a longer grace period. */
    DOWN("down");

    private final String wire;

    ServiceState(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    /** Finds a value by its wire name; throws with the list of valid names otherwise. */
    @JsonCreator
    public static ServiceState fromWire(String wire) {
        return WireName.find(ServiceState.class, wire);
    }
}
