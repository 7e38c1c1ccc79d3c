package dev.roadie.hub.config;

import dev.roadie.settings.Durations;
import dev.roadie.settings.Sizes;
import java.time.Duration;

/**
 * The range checks the config records run on themselves, so that no {@link HubConfig} can exist
 * with a value the hub cannot work with, however it was built. Failures are
 * {@link ConfigException}s naming the setting; the loader adds where the value came from.
 */
final class Require {

    private Require() {
    }

    /** A host name or address: some text without spaces. */
    static String host(String setting, String value) {
        if (value == null || value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
            throw ConfigException.invalid(setting, "expected a host name or address like 0.0.0.0", value);
        }
        return value;
    }

    /** A TCP port; 0 lets the system pick a free one. */
    static int port(String setting, int value) {
        if (value < 0 || value > 65_535) {
            throw ConfigException.invalid(setting, "expected a port from 0 to 65535 (0 picks any free port)",
                    Integer.toString(value));
        }
        return value;
    }

    /** A count or size that must be at least 1. */
    static long positive(String setting, long value) {
        if (value < 1) {
            throw ConfigException.invalid(setting, "expected a number of at least 1", Long.toString(value));
        }
        return value;
    }

    /** A size in bytes from 1 up to {@code max}. */
    static long size(String setting, long value, long max) {
        if (value < 1 || value > max) {
            throw ConfigException.invalid(setting, "expected a size from 1 to " + Sizes.format(max),
                    Sizes.format(value));
        }
        return value;
    }

    /** A duration of at least {@code min}. */
    static Duration atLeast(String setting, Duration value, Duration min) {
        requireSet(setting, value);
        if (value.compareTo(min) < 0) {
            throw ConfigException.invalid(setting, "expected at least " + Durations.format(min),
                    Durations.format(value));
        }
        return value;
    }

    /** A duration from {@code min} to {@code max}. */
    static Duration between(String setting, Duration value, Duration min, Duration max) {
        requireSet(setting, value);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw ConfigException.invalid(setting, "expected from " + Durations.format(min) + " to "
                    + Durations.format(max), Durations.format(value));
        }
        return value;
    }

    /** A duration longer than another setting's. */
    static Duration longerThan(String setting, Duration value, String other, Duration otherValue) {
        requireSet(setting, value);
        if (value.compareTo(otherValue) <= 0) {
            throw ConfigException.invalid(setting,
                    "expected longer than " + other + " (" + Durations.format(otherValue) + ")", Durations.format(value));
        }
        return value;
    }

    /** A duration at least as long as another setting's. */
    static Duration notShorterThan(String setting, Duration value, String other, Duration otherValue) {
        requireSet(setting, value);
        if (value.compareTo(otherValue) < 0) {
            throw ConfigException.invalid(setting,
                    "expected at least " + other + " (" + Durations.format(otherValue) + ")", Durations.format(value));
        }
        return value;
    }

    /** Any value but null. */
    static <T> T requireSet(String setting, T value) {
        if (value == null) {
            throw ConfigException.invalid(setting, "expected a value", null);
        }
        return value;
    }
}
