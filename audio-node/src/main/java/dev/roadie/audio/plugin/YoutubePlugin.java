package dev.roadie.audio.plugin;

/**
 * Lavalink's youtube plugin settings ({@code plugins.youtube.*} in {@code application.yml}) that
 * apply to youtube-source's {@code common} jar in the plugins folder. Its source manager has no
 * {@code ServiceLoader} entry, so {@code enabled} is what makes it.
 *
 * @param enabled     {@code plugins.youtube.enabled}: make {@link #SOURCE_MANAGER}
 * @param allowSearch {@code plugins.youtube.allowSearch}: whether {@code ytsearch:} and
 *                    {@code ytmsearch:} work; null for the source's own default (on)
 */
public record YoutubePlugin(boolean enabled, Boolean allowSearch) {
    /** The class youtube-source's {@code common} jar makes YouTube's source with. */
    public static final String SOURCE_MANAGER = "dev.lavalink.youtube.YoutubeAudioSourceManager";

    /** No youtube plugin asked for. */
    public static final YoutubePlugin OFF = new YoutubePlugin(false, null);
}
