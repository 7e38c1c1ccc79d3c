package dev.roadie.hub.config;

import dev.roadie.settings.Durations;
import dev.roadie.settings.Sizes;
import java.lang.reflect.RecordComponent;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How a setting is written and read: text, a folder path, a whole number, a byte size or a
 * duration. Derived from the record component that holds the setting, so adding a setting
 * needs no entry here. Range checks are not made here but by the records themselves.
 */
enum SettingKind {
    TEXT,
    PATH,
    NUMBER,
    SIZE,
    DURATION;

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d{1,18}");

    /**
     * The kind of a record component: by its Java type, and sizes by name, since a byte count
     * and a frame count are both plain numbers in Java.
     */
    static SettingKind of(RecordComponent component) {
        Class<?> type = component.getType();
        if (type == String.class) {
            return TEXT;
        }
        if (type == Path.class) {
            return PATH;
        }
        if (type == Duration.class) {
            return DURATION;
        }
        if (type == int.class || type == long.class) {
            return component.getName().endsWith("Bytes") ? SIZE : NUMBER;
        }
        throw new IllegalStateException("setting " + component + " has a type no setting kind reads: " + type);
    }

    /**
     * Reads the text of a setting into the component's type; relative paths resolve against
     * {@code workingDir} when it is given.
     *
     * @throws ConfigException naming the setting, without a source yet
     */
    Object parse(Setting setting, String text, Path workingDir) {
        String value = text == null ? "" : text.trim();
        return switch (this) {
            case TEXT -> {
                if (value.isEmpty()) {
                    throw ConfigException.invalid(setting.key(), "expected some text", text);
                }
                yield value;
            }
            case PATH -> path(setting, value, workingDir);
            case NUMBER -> fit(setting, "expected a whole number", number(value), text);
            case SIZE -> fit(setting, Sizes.EXPECTED, Sizes.parse(value).orElse(null), text);
            case DURATION -> Durations.parse(value)
                    .orElseThrow(() -> ConfigException.invalid(setting.key(), Durations.EXPECTED, text));
        };
    }

    private static Path path(Setting setting, String value, Path workingDir) {
        if (value.isEmpty()) {
            throw ConfigException.invalid(setting.key(), "expected a folder path", value);
        }
        try {
            Path path = Path.of(value);
            return (workingDir == null ? path : workingDir.resolve(path)).normalize();
        } catch (InvalidPathException e) {
            throw ConfigException.invalid(setting.key(), "expected a folder path (" + e.getReason() + ")", value)
                    .because(e);
        }
    }

    private static Long number(String value) {
        return WHOLE_NUMBER.matcher(value).matches() ? Long.valueOf(value) : null;
    }

    /** Boxes the number as the component's type, refusing what an int cannot hold. */
    private static Object fit(Setting setting, String expected, Long number, String text) {
        if (number == null) {
            throw ConfigException.invalid(setting.key(), expected, text);
        }
        if (setting.type() == long.class) {
            return number;
        }
        if (number > Integer.MAX_VALUE || number < Integer.MIN_VALUE) {
            throw ConfigException.invalid(setting.key(), expected + " up to " + Integer.MAX_VALUE, text);
        }
        return number.intValue();
    }
}
