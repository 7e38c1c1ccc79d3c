package dev.roadie.audio.filter;

import com.sedmelluq.discord.lavaplayer.filter.FloatPcmAudioFilter;

/**
 * A filter that changes samples in place and hands them on. lavaplayer calls {@code seekPerformed},
 * {@code flush} and {@code close} on every filter of a chain itself, so only {@code process} passes
 * to the next one; a filter with state clears it on a seek, where the samples stop following on.
 */
abstract class StageFilter implements FloatPcmAudioFilter {
    protected final FloatPcmAudioFilter next;

    StageFilter(FloatPcmAudioFilter next) {
        this.next = next;
    }

    @Override
    public void seekPerformed(long requestedTime, long providedTime) {
        // stateless unless a filter says otherwise
    }

    @Override
    public void flush() throws InterruptedException {
        // holds nothing back unless a filter says otherwise
    }

    @Override
    public void close() {
        // holds no resources
    }
}
