package dev.roadie.hub.config;

import dev.roadie.settings.RawValue;
import dev.roadie.settings.YamlSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The built-in defaults, read from the {@code roadie-defaults.yml} resource beside this class.
 * That file is the one place defaults are written: it is read by the same code as a user's
 * {@code roadie.yml}, so a default is written the way a user would write it (1MiB, 15s) and
 * the file doubles as a complete, commented example.
 */
final class DefaultSettings {

    /** The resource holding the defaults, next to this class. */
    static final String RESOURCE = "roadie-defaults.yml";

    /** How the defaults are named as the source of a value. */
    static final String SOURCE = "the built-in defaults";

    private DefaultSettings() {
    }

    /** Every setting's default as written in the resource. */
    static Map<String, RawValue> raw() {
        return Loaded.RAW;
    }

    /** The defaults as a config; the data path is left relative. */
    static HubConfig config() {
        return Loaded.CONFIG;
    }

    /** The resource's text, comments included. */
    static String text() {
        try (InputStream in = DefaultSettings.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the hub's classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Loaded on first use; a broken defaults file is a bug in the build, so it fails loudly. */
    private static final class Loaded {
        static final Map<String, RawValue> RAW = load();
        static final HubConfig CONFIG = ConfigBinder.bind(SettingSchema.HUB, RAW, null);

        private static Map<String, RawValue> load() {
            Map<String, RawValue> values = YamlSettings.parse(text(), SOURCE, SettingSchema.HUB.keys());
            for (Setting setting : SettingSchema.HUB.settings()) {
                if (!values.containsKey(setting.key())) {
                    throw new IllegalStateException(RESOURCE + " has no default for " + setting.key());
                }
            }
            return Map.copyOf(values);
        }
    }
}
