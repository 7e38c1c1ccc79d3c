package dev.roadie.voice;

import java.util.Objects;

/**
 * 20 ms of audio as one Opus frame, 48 kHz stereo, as Discord carries it.
 *
 * @param data the encoded frame (for example from an Opus encoder or a Lavaplayer/Lavalink track)
 */
public record OpusFrame(byte[] data) {

    public OpusFrame {
        Objects.requireNonNull(data, "data: an encoded Opus frame");
    }
}
