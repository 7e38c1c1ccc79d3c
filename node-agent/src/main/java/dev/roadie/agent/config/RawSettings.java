package dev.roadie.agent.config;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settings as read (text, lists, the labels map), with typed getters whose errors name the
 * setting, its environment variable and what a good value looks like.
 */
final class RawSettings {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    private final Map<String, Object> values;

    RawSettings(Map<String, Object> values) {
        this.values = values;
    }

    /** The text of a setting, its default when unset; null when neither. */
    String text(String key) {
        Setting setting = setting(key);
        Object value = values.containsKey(key) ? values.get(key) : setting.defaultValue();
        return value == null ? null : value.toString().trim();
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
            default -> throw problem(key, "is true or false, got '" + value + "'");
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
            throw problem(key, "is a whole number, got '" + value + "'");
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
            throw problem(key, "is a number between 0 and 1, got '" + value + "'");
        }
    }

    Duration duration(String key) {
        String value = text(key);
        Matcher matcher = DURATION.matcher(value == null ? "" : value);
        if (!matcher.matches()) {
            throw problem(key, "is a duration like 500ms, 5s, 10m or 1h, got '" + value + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration duration = switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        if (duration.isZero()) {
            throw problem(key, "must be longer than zero");
        }
        return duration;
    }

    URI uri(String key, String value, String... schemes) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null || !List.of(schemes).contains(String.valueOf(uri.getScheme()))) {
                throw problem(key, "is a URI starting with " + String.join(":// or ", schemes) + "://, got '" + value + "'");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw problem(key, "is not a valid URI: '" + value + "'");
        }
    }

    @SuppressWarnings("unchecked")
    List<String> list(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? (List<String>) list : List.of(value.toString());
    }

    @SuppressWarnings("unchecked")
    Map<String, String> labels() {
        Object value = values.get(Settings.LABELS);
        return value instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }

    ConfigException problem(String key, String what) {
        return new ConfigException("Setting " + key + " (" + setting(key).environmentVariable() + ") " + what);
    }

    private static Setting setting(String key) {
        return Settings.find(key).orElseThrow(() -> new IllegalArgumentException("no setting " + key));
    }
}
