package dev.roadie.settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The settings a program takes, by dotted key ({@code limits.maxFrameBytes}), and how each is
 * written in a file. Every part before a dot is a section ({@code limits}), written in YAML as
 * a nested mapping. Used to refuse, with a suggestion, keys that name nothing.
 */
public final class SettingKeys {

    /** How a setting is written in a YAML file. */
    public enum Shape {
        /** One value: text, a number, a duration. */
        VALUE,
        /** A YAML list, or one value (which the program may split). */
        LIST,
        /** A YAML mapping of free keys to values, such as labels. */
        MAPPING
    }

    private final Map<String, Shape> shapes;
    private final Set<String> sections;
    private final String listedIn;

    private SettingKeys(Map<String, Shape> shapes, String listedIn) {
        this.shapes = Collections.unmodifiableMap(new LinkedHashMap<>(shapes));
        Set<String> found = new LinkedHashSet<>();
        for (String key : shapes.keySet()) {
            for (int dot = key.indexOf('.'); dot > 0; dot = key.indexOf('.', dot + 1)) {
                found.add(key.substring(0, dot));
            }
        }
        for (String section : found) {
            if (shapes.containsKey(section)) {
                throw new IllegalStateException(section + " is both a setting and a section");
            }
        }
        this.sections = Collections.unmodifiableSet(found);
        this.listedIn = listedIn;
    }

    /**
     * The settings, in the order they are documented.
     *
     * @param shapes   every setting's key and how it is written
     * @param listedIn where a person finds them all, for messages: {@code docs/CONFIGURATION.md}
     */
    public static SettingKeys of(Map<String, Shape> shapes, String listedIn) {
        return new SettingKeys(shapes, listedIn);
    }

    /** Every setting's key, in the order given. */
    public List<String> keys() {
        return List.copyOf(shapes.keySet());
    }

    /** How the setting with this key is written, or nothing if no setting has this key. */
    public Optional<Shape> shape(String key) {
        return Optional.ofNullable(shapes.get(key));
    }

    /** Whether this dotted key names a section rather than a setting. */
    public boolean isSection(String key) {
        return sections.contains(key);
    }

    /** The first setting inside a section, to give an example of what belongs there. */
    public Optional<String> firstKeyIn(String section) {
        return shapes.keySet().stream().filter(key -> key.startsWith(section + ".")).findFirst();
    }

    /**
     * The known key closest to a mistyped one, if any is close enough to be the likely intent.
     * Section names are candidates only where a section may be written (in a YAML file).
     */
    public Optional<String> suggest(String unknown, boolean sectionsToo) {
        List<String> candidates = new ArrayList<>(shapes.keySet());
        if (sectionsToo) {
            candidates.addAll(sections);
        }
        return Suggestions.closest(unknown, candidates);
    }

    /** Where a person finds every setting listed, such as {@code docs/CONFIGURATION.md}. */
    public String listedIn() {
        return listedIn;
    }
}
