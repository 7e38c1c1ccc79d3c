package dev.roadie.search.plugin;

/**
 * A plug-in that could not be loaded; reported and skipped, never fatal.
 *
 * @param name   the jar's file name and, when known, the class that failed
 * @param reason what went wrong
 */
public record BrokenPlugin(String name, String reason) {
}
