package dev.roadie.model.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.roadie.model.wire.Names;

/**
 * One service instance: its kind ({@code music-bot}, {@code audio-node}, ...) and its name,
 * unique within the kind. Written {@code kind/name} on the wire.
 */
public record ServiceId(String kind, String name) {
    public ServiceId {
        Names.requireName(kind, "kind");
        Names.requireName(name, "name");
    }

    /** Parses {@code kind/name}. */
    @JsonCreator
    public static ServiceId parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("a service is written kind/name, got '" + text + "'");
        }
        return new ServiceId(text.substring(0, slash), text.substring(slash + 1));
    }

    @JsonValue
    @Override
    public String toString() {
        return kind + "/" + name;
    }
}
