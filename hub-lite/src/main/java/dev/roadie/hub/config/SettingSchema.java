package dev.roadie.hub.config;

import dev.roadie.settings.EnvironmentVariables;
import dev.roadie.settings.SettingKeys;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of the hub, derived from the shape of {@link HubConfig}: every nested record is a
 * section, every other component a setting. Keys, environment variable names and the order
 * of the docs all come from here, so nothing lists them by hand.
 */
final class SettingSchema {

    /** Where every setting is listed, for messages. */
    static final String DOCS = "docs/CONFIGURATION.md";

    /** The hub's settings. */
    static final SettingSchema HUB = of(HubConfig.class);

    private final Map<String, Setting> byKey;
    private final SettingKeys keys;
    private final EnvironmentVariables environment;

    private SettingSchema(Map<String, Setting> byKey) {
        this.byKey = Collections.unmodifiableMap(byKey);
        Map<String, SettingKeys.Shape> shapes = new LinkedHashMap<>();
        byKey.keySet().forEach(key -> shapes.put(key, SettingKeys.Shape.VALUE));
        this.keys = SettingKeys.of(shapes, DOCS);
        this.environment = new EnvironmentVariables(Setting.ENV_PREFIX, byKey.keySet());
    }

    /** The schema of a record type. */
    static SettingSchema of(Class<? extends Record> type) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        collect(type, "", settings);
        return new SettingSchema(settings);
    }

    private static void collect(Class<?> type, String prefix, Map<String, Setting> settings) {
        for (RecordComponent component : type.getRecordComponents()) {
            String key = prefix + component.getName();
            if (component.getType().isRecord()) {
                collect(component.getType(), key + ".", settings);
            } else {
                settings.put(key, new Setting(key, Setting.envName(key), SettingKind.of(component), component.getType()));
            }
        }
    }

    /** Every setting, in declaration order. */
    List<Setting> settings() {
        return List.copyOf(byKey.values());
    }

    /** The keys and their sections, as the YAML reader takes them. */
    SettingKeys keys() {
        return keys;
    }

    /** The {@code ROADIE_*} variables of the settings. */
    EnvironmentVariables environment() {
        return environment;
    }

    /** The setting with this dotted key. */
    Optional<Setting> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The setting read from this environment variable. */
    Optional<Setting> findByEnvName(String envName) {
        return environment.keyOf(envName).map(byKey::get);
    }

    /** Whether this dotted key names a section (a nested record) rather than a setting. */
    boolean isSection(String key) {
        return keys.isSection(key);
    }

    /** The first setting inside a section, to give an example of what belongs there. */
    Optional<String> firstKeyIn(String section) {
        return keys.firstKeyIn(section);
    }

    /**
     * The known key closest to a mistyped one, if any is close enough to be the likely intent.
     * Section names are candidates only where a section may be written (in a YAML file).
     */
    Optional<String> suggestKey(String unknown, boolean sectionsToo) {
        return keys.suggest(unknown, sectionsToo);
    }

    /** The known environment variable closest to a mistyped one. */
    Optional<String> suggestEnvName(String unknown) {
        return environment.suggest(unknown);
    }
}
