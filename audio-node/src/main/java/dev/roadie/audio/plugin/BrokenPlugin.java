package dev.roadie.audio.plugin;

/**
 * A plugin, or one of its source managers, that could not be loaded: reported and skipped, never fatal.
 *
 * @param name   the plugin's file or folder name and, when known, the class that failed
 * @param reason what went wrong and what to do about it
 */
public record BrokenPlugin(String name, String reason) {
}
