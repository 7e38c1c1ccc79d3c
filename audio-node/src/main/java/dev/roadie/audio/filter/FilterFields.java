package dev.roadie.audio.filter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of a {@code filters} object, each checked against the range Lavalink's API
 * documents, so that a value lavadsp would throw on while the track plays is refused up front,
 * with the field's path in the message.
 */
final class FilterFields {
    private final JsonNode node;
    private final String path;

    FilterFields(JsonNode node) {
        this(node, "filters");
    }

    private FilterFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    Float volume() {
        JsonNode value = node.get("volume");
        if (value == null || value.isNull()) {
            return null;
        }
        float volume = number("volume", value);
        if (volume < 0 || volume > 5) {
            throw new FilterException(path + ".volume must be from 0.0 to 5.0 (1.0 is unchanged), not " + volume);
        }
        return volume;
    }

    /** The bands asked for; a band given twice keeps its last gain, as Lavalink's array does. */
    List<Filters.Band> equalizer() {
        JsonNode value = node.get("equalizer");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw new FilterException(path + ".equalizer must be an array of {band, gain}");
        }
        Map<Integer, Filters.Band> bands = new LinkedHashMap<>();
        for (JsonNode entry : value) {
            FilterFields band = new FilterFields(entry, path + ".equalizer[]");
            if (!entry.isObject() || !entry.has("band")) {
                throw new FilterException(path + ".equalizer entries must be objects with a band (0 to 14) and a gain");
            }
            JsonNode index = entry.get("band");
            if (!index.isIntegralNumber() || index.asInt() < 0 || index.asInt() >= Filters.BANDS) {
                throw new FilterException(path + ".equalizer[].band must be a whole number from 0 to 14, not " + index);
            }
            // lavaplayer's equalizer holds a gain between -0.25 (the band muted) and 1.0, as Lavalink documents.
            float gain = Math.max(-0.25f, Math.min(1.0f, band.floating("gain", 1f)));
            bands.remove(index.asInt());
            bands.put(index.asInt(), new Filters.Band(index.asInt(), gain));
        }
        return List.copyOf(bands.values());
    }

    <T> T object(String name, Function<FilterFields, T> read) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new FilterException(path + "." + name + " must be an object");
        }
        return read.apply(new FilterFields(value, path + "." + name));
    }

    Map<String, JsonNode> plugins() {
        JsonNode value = node.get("pluginFilters");
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw new FilterException(path + ".pluginFilters must be an object");
        }
        Map<String, JsonNode> plugins = new LinkedHashMap<>();
        value.properties().forEach(entry -> plugins.put(entry.getKey(), entry.getValue()));
        return plugins;
    }

    float floating(String name, float fallback) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? fallback : number(name, value);
    }

    /** A float within {@code [min, max]}; {@code Float.MAX_VALUE} for no upper bound. */
    float floating(String name, float fallback, float min, float max) {
        float value = floating(name, fallback);
        if (value < min || value > max) {
            throw new FilterException(path + "." + name + " must be " + (max == Float.MAX_VALUE ? "at least " + min
                    : "from " + min + " to " + max) + ", not " + value);
        }
        return value;
    }

    /** A float above 0, and at most {@code max} when given. */
    float positiveFloat(String name, float fallback, Float max) {
        float value = floating(name, fallback);
        if (value <= 0 || max != null && value > max) {
            throw new FilterException(path + "." + name + " must be above 0" + (max == null ? "" : " and at most "
                    + max) + ", not " + value);
        }
        return value;
    }

    double number(String name, double fallback) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw new FilterException(path + "." + name + " must be a number, not " + value);
        }
        return value.asDouble();
    }

    double positive(String name, double fallback) {
        double value = number(name, fallback);
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new FilterException(path + "." + name + " must be above 0, not " + value);
        }
        return value;
    }

    private float number(String name, JsonNode value) {
        if (!value.isNumber()) {
            throw new FilterException(path + "." + name + " must be a number, not " + value);
        }
        return (float) value.asDouble();
    }
}
