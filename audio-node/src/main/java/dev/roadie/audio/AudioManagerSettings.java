package dev.roadie.audio;

import com.sedmelluq.discord.lavaplayer.player.DefaultAudioPlayerManager;
import com.sedmelluq.discord.lavaplayer.source.AudioSourceManager;
import com.sedmelluq.discord.lavaplayer.source.bandcamp.BandcampAudioSourceManager;
import com.sedmelluq.discord.lavaplayer.source.beam.BeamAudioSourceManager;
import com.sedmelluq.discord.lavaplayer.source.getyarn.GetyarnAudioSourceManager;
import com.sedmelluq.discord.lavaplayer.source.http.HttpAudioSourceManager;
import com.sedmelluq.discord.lavaplayer.source.nico.NicoAudioSourceManager;
import com.sedmelluq.discord.lavaplayer.source.soundcloud.SoundCloudAudioSourceManager;
import com.sedmelluq.discord.lavaplayer.source.twitch.TwitchStreamAudioSourceManager;
import com.sedmelluq.discord.lavaplayer.source.vimeo.VimeoAudioSourceManager;
import com.sedmelluq.discord.lavaplayer.source.yamusic.YandexMusicAudioSourceManager;
import com.sedmelluq.discord.lavaplayer.source.youtube.YoutubeAudioSourceManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Puts {@link AudioSettings} into lavaplayer's player manager. */
final class AudioManagerSettings {
    /** Lavalink's names for the built-in sources ({@code lavalink.server.sources.*}) and their lavaplayer classes. */
    static final Map<String, Class<? extends AudioSourceManager>> REMOTE_SOURCES = Map.of(
            "bandcamp", BandcampAudioSourceManager.class,
            "soundcloud", SoundCloudAudioSourceManager.class,
            "twitch", TwitchStreamAudioSourceManager.class,
            "vimeo", VimeoAudioSourceManager.class,
            "nico", NicoAudioSourceManager.class,
            "http", HttpAudioSourceManager.class);

    private AudioManagerSettings() {
    }

    static void apply(AudioSettings settings, DefaultAudioPlayerManager manager) {
        // A player's filters change while its track plays: lavaplayer rebuilds the chain only with hot swap on.
        manager.getConfiguration().setFilterHotSwapEnabled(true);
        if (settings.frameBufferDurationMs() != null) {
            manager.setFrameBufferDuration(settings.frameBufferDurationMs());
        }
        if (settings.opusEncodingQuality() != null) {
            manager.getConfiguration().setOpusEncodingQuality(settings.opusEncodingQuality());
        }
        if (settings.resamplingQuality() != null) {
            manager.getConfiguration().setResamplingQuality(settings.resamplingQuality());
        }
        if (settings.trackStuckThresholdMs() != null) {
            manager.setTrackStuckThreshold(settings.trackStuckThresholdMs());
        }
        if (settings.useSeekGhosting() != null) {
            manager.setUseSeekGhosting(settings.useSeekGhosting());
        }
    }

    /**
     * lavaplayer's source classes to leave out: its own YouTube source is deprecated and broken (Lavalink
     * turns it off and takes YouTube from a plugin); Beam, GetYarn and Yandex Music are not among
     * Lavalink's sources; HTTP, which the node registers itself after the plugins' sources; and those
     * the settings turn off.
     */
    @SuppressWarnings("unchecked")
    static Class<? extends AudioSourceManager>[] excludedRemoteSources(AudioSettings settings) {
        List<Class<? extends AudioSourceManager>> excluded = new ArrayList<>(List.of(YoutubeAudioSourceManager.class,
                BeamAudioSourceManager.class, GetyarnAudioSourceManager.class, YandexMusicAudioSourceManager.class,
                HttpAudioSourceManager.class));
        REMOTE_SOURCES.forEach((name, type) -> {
            if (settings.disabledSources().contains(name) && !excluded.contains(type)) {
                excluded.add(type);
            }
        });
        return excluded.toArray(Class[]::new);
    }
}
