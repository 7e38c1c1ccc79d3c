package dev.roadie.hub.config;

import dev.roadie.settings.RawValue;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds a {@link HubConfig} from raw values by walking its records, so that adding a
 * component needs no code here. Any complaint, whether from reading a value or from a record's
 * own range checks, is retold with the value as written and where it came from.
 */
final class ConfigBinder {

    private final SettingSchema schema;
    private final Map<String, RawValue> values;
    private final Path workingDir;

    private ConfigBinder(SettingSchema schema, Map<String, RawValue> values, Path workingDir) {
        this.schema = schema;
        this.values = values;
        this.workingDir = workingDir;
    }

    /**
     * Binds values that cover every setting.
     *
     * @param workingDir what relative paths resolve against, or null to leave them relative
     */
    static HubConfig bind(SettingSchema schema, Map<String, RawValue> values, Path workingDir) {
        return (HubConfig) new ConfigBinder(schema, values, workingDir).build(HubConfig.class, "");
    }

    private Object build(Class<?> type, String prefix) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] arguments = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            String key = prefix + components[i].getName();
            types[i] = components[i].getType();
            arguments[i] = types[i].isRecord() ? build(types[i], key + ".") : value(key);
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ConfigException problem) {
                throw retold(problem.within(prefix));
            }
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    private Object value(String key) {
        Setting setting = schema.find(key).orElseThrow(() -> new IllegalStateException("no setting " + key));
        RawValue raw = values.get(key);
        if (raw == null) {
            throw new IllegalStateException("no value, not even a default, for " + key);
        }
        try {
            return setting.parse(raw.text(), workingDir);
        } catch (ConfigException e) {
            throw e.from(raw.source(), raw.text());
        }
    }

    private ConfigException retold(ConfigException problem) {
        RawValue raw = problem.setting().map(values::get).orElse(null);
        return raw == null ? problem : problem.from(raw.source(), raw.text());
    }
}
