package dev.roadie.settings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The environment variables of a program's settings: its prefix and the key in upper snake
 * case, the dots and the humps of camel case becoming underscores
 * ({@code limits.maxFrameBytes} with {@code ROADIE_} is {@code ROADIE_LIMITS_MAX_FRAME_BYTES}).
 * Values are written as in the YAML file; an empty variable counts as unset, which is what
 * {@code ROADIE_PORT=} in a compose file or a shell script usually means.
 */
public final class EnvironmentVariables {

    private final String prefix;
    private final Map<String, String> keyByName;

    /**
     * The variables of these settings.
     *
     * @throws IllegalStateException when two keys map to one variable
     */
    public EnvironmentVariables(String prefix, Collection<String> keys) {
        this.prefix = prefix;
        Map<String, String> byName = new LinkedHashMap<>();
        for (String key : keys) {
            String clash = byName.put(name(prefix, key), key);
            if (clash != null) {
                throw new IllegalStateException(clash + " and " + key + " both map to " + name(prefix, key));
            }
        }
        this.keyByName = Collections.unmodifiableMap(byName);
    }

    /** The variable of a key: the prefix and the key in upper snake case. */
    public static String name(String prefix, String key) {
        String snake = key.replace('.', '_').replaceAll("([a-z0-9])([A-Z])", "$1_$2");
        return prefix + snake.toUpperCase(Locale.ROOT);
    }

    /** The prefix every variable of these settings starts with. */
    public String prefix() {
        return prefix;
    }

    /** The variable of a key. */
    public String nameOf(String key) {
        return name(prefix, key);
    }

    /** The setting a variable sets, if it sets one. */
    public Optional<String> keyOf(String name) {
        return Optional.ofNullable(keyByName.get(name));
    }

    /** The settings set in {@code env}, each with its variable as its source; empty variables are left out. */
    public Map<String, RawValue> read(Map<String, String> env) {
        Map<String, RawValue> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : new TreeMap<>(env).entrySet()) {
            String key = keyByName.get(entry.getKey());
            if (key != null && entry.getValue() != null && !entry.getValue().isBlank()) {
                values.put(key, new RawValue(entry.getValue(), entry.getKey()));
            }
        }
        return values;
    }

    /**
     * The variables in {@code env} that start with the prefix but set no setting, sorted so that
     * complaints come out in the same order every time.
     *
     * @param notSettings variables in the same namespace that something else reads
     */
    public List<String> unknown(Map<String, String> env, Set<String> notSettings) {
        List<String> unknown = new ArrayList<>();
        for (String name : new TreeMap<>(env).keySet()) {
            if (name.startsWith(prefix) && !keyByName.containsKey(name) && !notSettings.contains(name)) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    /** The known variable closest to a mistyped one, compared without the prefix they share. */
    public Optional<String> suggest(String unknown) {
        String tail = unknown.startsWith(prefix) ? unknown.substring(prefix.length()) : unknown;
        List<String> tails = keyByName.keySet().stream().map(name -> name.substring(prefix.length())).toList();
        return Suggestions.closest(tail, tails).map(name -> prefix + name);
    }
}
