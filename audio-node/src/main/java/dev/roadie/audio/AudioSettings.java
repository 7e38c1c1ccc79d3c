package dev.roadie.audio;

import com.sedmelluq.discord.lavaplayer.player.AudioConfiguration.ResamplingQuality;
import java.util.Set;

/**
 * Lavalink's {@code lavalink.server} settings for lavaplayer, its sources and its filters, with
 * lavaplayer's defaults where a value is null.
 *
 * @param disabledSources        source names ({@code bandcamp}, {@code local}...) turned off
 * @param disabledFilters        filter names turned off: asking for one is a {@code 400}
 * @param frameBufferDurationMs  how much decoded audio each player keeps ahead (lavaplayer: 5000)
 * @param opusEncodingQuality    0 to 10 (lavaplayer: 10)
 * @param resamplingQuality      lavaplayer's {@code LOW}, {@code MEDIUM} or {@code HIGH} (lavaplayer: LOW)
 * @param trackStuckThresholdMs  how long without audio a track is stuck (lavaplayer: 10000)
 * @param useSeekGhosting        keep playing the buffer while a seek decodes (lavaplayer: true)
 */
public record AudioSettings(Set<String> disabledSources, Set<String> disabledFilters, Integer frameBufferDurationMs,
        Integer opusEncodingQuality, ResamplingQuality resamplingQuality, Long trackStuckThresholdMs,
        Boolean useSeekGhosting) {

    public static final AudioSettings DEFAULTS = new AudioSettings(Set.of(), Set.of(), null, null, null, null, null);

    public AudioSettings {
        disabledSources = Set.copyOf(disabledSources);
        disabledFilters = Set.copyOf(disabledFilters);
    }
}
