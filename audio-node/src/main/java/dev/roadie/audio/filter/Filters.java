package dev.roadie.audio.filter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The filters a player update asks for, as Lavalink v4 reads them: a filter left out (or null) is
 * off, and each update replaces the whole set, so {@code {}} clears them all. Values are checked
 * here, before anything plays, so that a bad one is a {@code 400} naming the field.
 */
public record Filters(Float volume, List<Band> equalizer, Karaoke karaoke, Timescale timescale, Tremolo tremolo,
        Vibrato vibrato, Distortion distortion, Rotation rotation, ChannelMix channelMix, LowPass lowPass,
        Map<String, JsonNode> pluginFilters) {

    /** Lavalink's filter names, in the order its chain applies them. */
    public static final List<String> NAMES = List.of("volume", "equalizer", "karaoke", "timescale", "tremolo",
            "vibrato", "distortion", "rotation", "channelMix", "lowPass");
    public static final Filters NONE = new Filters(null, null, null, null, null, null, null, null, null, null,
            Map.of());
    static final int BANDS = 15;

    public record Band(int band, float gain) {
    }

    public record Karaoke(float level, float monoLevel, float filterBand, float filterWidth) {
    }

    public record Timescale(double speed, double pitch, double rate) {
        boolean changes() {
            return speed != 1.0 || pitch != 1.0 || rate != 1.0;
        }
    }

    public record Tremolo(float frequency, float depth) {
    }

    public record Vibrato(float frequency, float depth) {
    }

    public record Distortion(float sinOffset, float sinScale, float cosOffset, float cosScale, float tanOffset,
            float tanScale, float offset, float scale) {
        boolean changes() {
            return sinOffset != 0 || sinScale != 1 || cosOffset != 0 || cosScale != 1 || tanOffset != 0
                    || tanScale != 1 || offset != 0 || scale != 1;
        }
    }

    public record Rotation(double rotationHz) {
    }

    public record ChannelMix(float leftToLeft, float leftToRight, float rightToLeft, float rightToRight) {
        boolean changes() {
            return leftToLeft != 1 || leftToRight != 0 || rightToLeft != 0 || rightToRight != 1;
        }
    }

    public record LowPass(float smoothing) {
    }

    /**
     * Reads a {@code filters} object.
     *
     * @param disabled filters the node's configuration turned off: asking for one is refused, with
     *                 Lavalink's message
     * @throws FilterException naming the field that is wrong
     */
    public static Filters parse(JsonNode node, Collection<String> disabled) {
        if (node == null || node.isNull()) {
            return NONE;
        }
        if (!node.isObject()) {
            throw new FilterException("filters must be an object");
        }
        List<String> refused = new ArrayList<>();
        for (String name : NAMES) {
            if (node.has(name) && disabled.contains(name)) {
                refused.add(name);
            }
        }
        JsonNode plugins = node.get("pluginFilters");
        if (plugins != null && plugins.isObject()) {
            plugins.propertyNames().forEach(name -> {
                if (disabled.contains(name)) {
                    refused.add(name);
                }
            });
        }
        if (!refused.isEmpty()) {
            throw new FilterException("Following filters are disabled in the config: " + String.join(", ", refused));
        }
        FilterFields fields = new FilterFields(node);
        return new Filters(
                fields.volume(),
                fields.equalizer(),
                fields.object("karaoke", karaoke -> new Karaoke(karaoke.floating("level", 1f, 0, 1),
                        karaoke.floating("monoLevel", 1f, 0, 1), karaoke.floating("filterBand", 220f, 0, Float.MAX_VALUE),
                        karaoke.floating("filterWidth", 100f, 0, Float.MAX_VALUE))),
                fields.object("timescale", timescale -> new Timescale(timescale.positive("speed", 1.0),
                        timescale.positive("pitch", 1.0), timescale.positive("rate", 1.0))),
                fields.object("tremolo", tremolo -> new Tremolo(tremolo.positiveFloat("frequency", 2f, null),
                        tremolo.floating("depth", 0.5f, 0, 1))),
                fields.object("vibrato", vibrato -> new Vibrato(vibrato.positiveFloat("frequency", 2f, 14f),
                        vibrato.floating("depth", 0.5f, 0, 1))),
                fields.object("distortion", distortion -> new Distortion(distortion.floating("sinOffset", 0f),
                        distortion.floating("sinScale", 1f), distortion.floating("cosOffset", 0f),
                        distortion.floating("cosScale", 1f), distortion.floating("tanOffset", 0f),
                        distortion.floating("tanScale", 1f), distortion.floating("offset", 0f),
                        distortion.floating("scale", 1f))),
                fields.object("rotation", rotation -> new Rotation(rotation.number("rotationHz", 0.0))),
                fields.object("channelMix", mix -> new ChannelMix(mix.floating("leftToLeft", 1f, 0, 1),
                        mix.floating("leftToRight", 0f, 0, 1), mix.floating("rightToLeft", 0f, 0, 1),
                        mix.floating("rightToRight", 1f, 0, 1))),
                fields.object("lowPass", lowPass -> new LowPass(lowPass.floating("smoothing", 20f))),
                fields.plugins());
    }

    /**
     * Whether any filter changes the sound: Lavalink keeps lavaplayer's filter chain off otherwise
     * (a volume of 1.0, a flat equalizer, a zero depth or rotation and a smoothing of 1 or less
     * change nothing).
     */
    public boolean changesSound() {
        return volume != null && volume != 1.0f
                || equalizer != null && equalizer.stream().anyMatch(band -> band.gain() != 0f)
                || karaoke != null
                || timescale != null && timescale.changes()
                || tremolo != null && tremolo.depth() != 0f
                || vibrato != null && vibrato.depth() != 0f
                || distortion != null && distortion.changes()
                || rotation != null && rotation.rotationHz() != 0.0
                || channelMix != null && channelMix.changes()
                || lowPass != null && lowPass.smoothing() > 1f;
    }

    /** Whether a timescale makes the sound longer or shorter, so that positions no longer count the track's time. */
    public boolean changesLength() {
        return timescale != null && timescale.speed() * timescale.rate() != 1.0;
    }

    /** Lavalink's {@code filters} object: the filters given, each with all its fields. */
    public ObjectNode toJson(JsonMapper json) {
        ObjectNode node = json.createObjectNode();
        if (volume != null) {
            node.put("volume", volume);
        }
        if (equalizer != null) {
            var bands = node.putArray("equalizer");
            equalizer.forEach(band -> bands.addObject().put("band", band.band()).put("gain", band.gain()));
        }
        if (karaoke != null) {
            node.putObject("karaoke").put("level", karaoke.level()).put("monoLevel", karaoke.monoLevel())
                    .put("filterBand", karaoke.filterBand()).put("filterWidth", karaoke.filterWidth());
        }
        if (timescale != null) {
            node.putObject("timescale").put("speed", timescale.speed()).put("pitch", timescale.pitch())
                    .put("rate", timescale.rate());
        }
        if (tremolo != null) {
            node.putObject("tremolo").put("frequency", tremolo.frequency()).put("depth", tremolo.depth());
        }
        if (vibrato != null) {
            node.putObject("vibrato").put("frequency", vibrato.frequency()).put("depth", vibrato.depth());
        }
        if (distortion != null) {
            node.putObject("distortion").put("sinOffset", distortion.sinOffset())
                    .put("sinScale", distortion.sinScale()).put("cosOffset", distortion.cosOffset())
                    .put("cosScale", distortion.cosScale()).put("tanOffset", distortion.tanOffset())
                    .put("tanScale", distortion.tanScale()).put("offset", distortion.offset())
                    .put("scale", distortion.scale());
        }
        if (rotation != null) {
            node.putObject("rotation").put("rotationHz", rotation.rotationHz());
        }
        if (channelMix != null) {
            node.putObject("channelMix").put("leftToLeft", channelMix.leftToLeft())
                    .put("leftToRight", channelMix.leftToRight()).put("rightToLeft", channelMix.rightToLeft())
                    .put("rightToRight", channelMix.rightToRight());
        }
        if (lowPass != null) {
            node.putObject("lowPass").put("smoothing", lowPass.smoothing());
        }
        if (!pluginFilters.isEmpty()) {
            ObjectNode plugins = node.putObject("pluginFilters");
            pluginFilters.forEach(plugins::set);
        }
        return node;
    }

    /** The names of the filters this node applies, less those the configuration turned off, for {@code /v4/info}. */
    public static List<String> available(Set<String> disabled) {
        return NAMES.stream().filter(name -> !disabled.contains(name)).toList();
    }
}
