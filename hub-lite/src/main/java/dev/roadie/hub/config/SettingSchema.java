package dev.roadie.hub.config;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of the hub, derived from the shape of {@link HubConfig}: every nested record is a
 * section, every other component a setting. Keys, environment variable names and the order
 * of the docs all come from here, so nothing lists them by hand.
 */
final class SettingSchema {

    /** The hub's settings. */
    static final SettingSchema HUB = of(HubConfig.class);

    private final Map<String, Setting> byKey;
    private final Map<String, Setting> byEnvName;
    private final Set<String> sections;

    private SettingSchema(Map<String, Setting> byKey, Set<String> sections) {
        this.byKey = Collections.unmodifiableMap(byKey);
        this.sections = Collections.unmodifiableSet(sections);
        Map<String, Setting> env = new HashMap<>();
        for (Setting setting : byKey.values()) {
            Setting clash = env.put(setting.envName(), setting);
            if (clash != null) {
                throw new IllegalStateException(clash.key() + " and " + setting.key() + " both map to " + setting.envName());
            }
        }
        this.byEnvName = Collections.unmodifiableMap(env);
    }

    /** The schema of a record type. */
    static SettingSchema of(Class<? extends Record> type) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        Set<String> sections = new LinkedHashSet<>();
        collect(type, "", settings, sections);
        return new SettingSchema(settings, sections);
    }

    private static void collect(Class<?> type, String prefix, Map<String, Setting> settings, Set<String> sections) {
        for (RecordComponent component : type.getRecordComponents()) {
            String key = prefix + component.getName();
            if (component.getType().isRecord()) {
                sections.add(key);
                collect(component.getType(), key + ".", settings, sections);
            } else {
                settings.put(key, new Setting(key, Setting.envName(key), SettingKind.of(component), component.getType()));
            }
        }
    }

    /** Every setting, in declaration order. */
    List<Setting> settings() {
        return List.copyOf(byKey.values());
    }

    /** The setting with this dotted key. */
    Optional<Setting> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The setting read from this environment variable. */
    Optional<Setting> findByEnvName(String envName) {
        return Optional.ofNullable(byEnvName.get(envName));
    }

    /** Whether this dotted key names a section (a nested record) rather than a setting. */
    boolean isSection(String key) {
        return sections.contains(key);
    }

    /** The first setting inside a section, to give an example of what belongs there. */
    Optional<String> firstKeyIn(String section) {
        return byKey.keySet().stream().filter(key -> key.startsWith(section + ".")).findFirst();
    }

    /**
     * The known key closest to a mistyped one, if any is close enough to be the likely intent.
     * Section names are candidates only where a section may be written (in a YAML file).
     */
    Optional<String> suggestKey(String unknown, boolean sectionsToo) {
        List<String> candidates = new ArrayList<>(byKey.keySet());
        if (sectionsToo) {
            candidates.addAll(sections);
        }
        return Suggestions.closest(unknown, candidates);
    }

    /** The known environment variable closest to a mistyped one. */
    Optional<String> suggestEnvName(String unknown) {
        String tail = unknown.startsWith(Setting.ENV_PREFIX) ? unknown.substring(Setting.ENV_PREFIX.length()) : unknown;
        List<String> tails = byEnvName.keySet().stream().map(name -> name.substring(Setting.ENV_PREFIX.length())).toList();
        return Suggestions.closest(tail, tails).map(name -> Setting.ENV_PREFIX + name);
    }
}
