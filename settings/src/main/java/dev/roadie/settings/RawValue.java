package dev.roadie.settings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A setting's value as written, before it is read into its type, and where it was written:
 * kept together so that any later complaint about the value can say where to fix it. Most
 * values are text; a YAML list or mapping given for a setting that takes one (see
 * {@link SettingKeys.Shape}) is kept as such, since splitting it back out of text would break
 * on items that hold a comma or a space. Exactly one of {@code text}, {@code items} and
 * {@code entries} is set.
 *
 * @param text    the value as written; empty when the file gave the key no value
 * @param items   the items of a YAML list, as text
 * @param entries the entries of a YAML mapping, as text, in the file's order
 * @param source  where it came from: a file path, an environment variable, the command line or
 *                built-in defaults
 */
public record RawValue(String text, List<String> items, Map<String, String> entries, String source) {

    public RawValue {
        int set = (text == null ? 0 : 1) + (items == null ? 0 : 1) + (entries == null ? 0 : 1);
        if (set != 1) {
            throw new IllegalArgumentException("a raw value is text, a list or a mapping: exactly one of them");
        }
        items = items == null ? null : List.copyOf(items);
        // Not Map.copyOf: the order labels were written in is the order they are shown in.
        entries = entries == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** A value written as text. */
    public RawValue(String text, String source) {
        this(text, null, null, source);
    }

    /** A value written as a YAML list. */
    public static RawValue list(List<String> items, String source) {
        return new RawValue(null, items, null, source);
    }

    /** A value written as a YAML mapping. */
    public static RawValue mapping(Map<String, String> entries, String source) {
        return new RawValue(null, null, entries, source);
    }

    /** Whether the value was written as text rather than as a list or a mapping. */
    public boolean isText() {
        return text != null;
    }
}
