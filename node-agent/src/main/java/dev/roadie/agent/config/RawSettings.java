package dev.roadie.agent.config;

import dev.roadie.settings.Durations;
import dev.roadie.settings.RawValue;
import dev.roadie.settings.SettingsException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Settings as read (text, lists, the labels map), with typed getters whose errors name the
 * setting, its environment variable, the file when the value came from one, and what a good
 * value looks like.
 */
final class RawSettings {
    private final Map<String, RawValue> values;

    RawSettings(Map<String, RawValue> values) {
        this.values = values;
    }

    /** The text of a setting, its default when unset; null when neither. */
    String text(String key) {
        Setting setting = setting(key);
        RawValue raw = values.get(key);
        String value = raw != null && raw.isText() ? raw.text() : setting.defaultValue();
        return value == null ? null : value.trim();
    }

    String required(String key) {
        String value = text(key);
        if (value == null || value.isEmpty()) {
            throw problem(key, "is required");
        }
        return value;
    }

    String optional(String key) {
        String value = text(key);
        return value == null || value.isEmpty() ? null : value;
    }

    boolean flag(String key) {
        String value = text(key).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw problem(key, "is true or false, got " + SettingsException.quote(value));
        };
    }

    int integer(String key, int min, int max) {
        String value = text(key);
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw problem(key, "is between " + min + " and " + max + ", got " + number);
            }
            return number;
        } catch (NumberFormatException e) {
            throw problem(key, "is a whole number, got " + SettingsException.quote(value));
        }
    }

    /** A share between 0 and 1 (a load, a fraction). */
    double share(String key) {
        String value = text(key);
        try {
            double number = new BigDecimal(value).doubleValue();
            if (number < 0 || number > 1) {
                throw problem(key, "is between 0 and 1, got " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw problem(key, "is a number between 0 and 1, got " + SettingsException.quote(value));
        }
    }

    /** A duration written as the hub's settings are (see {@link Durations}), longer than zero. */
    Duration duration(String key) {
        String value = text(key);
        Duration duration = Durations.parse(value == null ? "" : value).orElseThrow(() -> problem(key,
                "is a duration like " + Durations.EXAMPLES + ", got " + SettingsException.quote(value)));
        if (duration.isZero()) {
            throw problem(key, "must be longer than zero");
        }
        return duration;
    }

    URI uri(String key, String value, String... schemes) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null || !List.of(schemes).contains(String.valueOf(uri.getScheme()))) {
                throw problem(key, "is a URI starting with " + String.join(":// or ", schemes) + "://, got "
                        + SettingsException.quote(value));
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw problem(key, "is not a valid URI: " + SettingsException.quote(value));
        }
    }

    /**
     * A list: a YAML list, or one value split on commas; {@code retire.command} is split on
     * spaces instead, since it is a program and its arguments and there is no shell to quote for.
     */
    List<String> list(String key) {
        RawValue raw = values.get(key);
        if (raw == null) {
            return List.of();
        }
        if (!raw.isText()) {
            return raw.items();
        }
        String separator = key.equals("retire.command") ? "\\s+" : ",";
        return Arrays.stream(raw.text().split(separator)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The labels: a YAML mapping, or {@code key=value,key2=value2} in one value. */
    Map<String, String> labels() {
        RawValue raw = values.get(Settings.LABELS);
        if (raw == null) {
            return Map.of();
        }
        if (!raw.isText()) {
            return raw.entries();
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : list(Settings.LABELS)) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw problem(Settings.LABELS, "is written key=value,key2=value2, got " + SettingsException.quote(pair));
            }
            labels.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return labels;
    }

    /** A complaint about a setting, naming its variable and, when its value came from a file, the file. */
    ConfigException problem(String key, String what) {
        String variable = setting(key).environmentVariable();
        RawValue raw = values.get(key);
        String where = raw == null || raw.source().equals(variable) ? "" : "in " + raw.source() + " ";
        return new ConfigException("Setting " + key + " (" + variable + ") " + where + what);
    }

    private static Setting setting(String key) {
        return Settings.find(key).orElseThrow(() -> new IllegalArgumentException("no setting " + key));
    }
}
