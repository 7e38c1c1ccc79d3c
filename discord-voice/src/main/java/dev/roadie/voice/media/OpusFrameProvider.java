package dev.roadie.voice.media;

/**
 * Where the sender takes its audio: pulled once every 20 ms on the sending thread, so it must
 * answer at once (have the next frame ready, or say there is none).
 */
@FunctionalInterface
public interface OpusFrameProvider {

    /**
     * The next 20 ms Opus frame (48 kHz stereo), or {@code null} when there is nothing to send
     * now. After frames, a {@code null} ends the talk spurt: the sender sends five silence
     * frames and tells {@link MediaListener#onSendingStopped()}.
     */
    byte[] nextFrame();

    /** A provider that never has anything: the session only receives. */
    OpusFrameProvider NONE = () -> null;
}
