package dev.roadie.audio.plugin;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the plugins are and which source managers to make from them besides their
 * {@code ServiceLoader} entries.
 *
 * @param folder         the plugins folder ({@code ROADIE_AUDIO_PLUGINS}, by default {@code plugins}
 *                       in the node's data folder); a missing folder means no plugins
 * @param sourceManagers class names of source managers with a public no-argument constructor, for
 *                       jars that list none ({@code ROADIE_AUDIO_SOURCE_MANAGERS})
 * @param youtube        Lavalink's youtube plugin settings
 */
public record PluginSettings(Path folder, List<String> sourceManagers, YoutubePlugin youtube) {
    public PluginSettings {
        sourceManagers = List.copyOf(sourceManagers);
    }

    /** The plugins folder and nothing named. */
    public static PluginSettings folder(Path folder) {
        return new PluginSettings(folder, List.of(), YoutubePlugin.OFF);
    }
}
