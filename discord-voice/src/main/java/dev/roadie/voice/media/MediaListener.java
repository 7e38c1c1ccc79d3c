package dev.roadie.voice.media;

/**
 * What the media path tells its owner. The sending callbacks come on the sending thread, the
 * receiving ones on the play-out thread, once per 20 ms tick; keep them short, as a slow
 * listener delays the audio of everyone after it.
 */
public interface MediaListener {

    /**
     * The sender is about to send its first frame after a pause. The gateway sends op 5
     * Speaking before returning, as Discord wants speaking set before audio.
     */
    default void onSendingStarted() {
    }

    /** The sender has sent its five silence frames and stopped: the gateway sends op 5 with speaking 0. */
    default void onSendingStopped() {
    }

    /**
     * One user's frame for this tick, in sequence order after the jitter buffer, without
     * transport or DAVE encryption. Not called for a frame that was lost.
     */
    default void onOpus(long userId, byte[] opusFrame) {
    }

    /**
     * One user's 20 ms of audio for this tick: 960 samples per channel, 48 kHz stereo,
     * interleaved left/right (1920 values). A lost frame comes as Opus's concealment of it.
     */
    default void onPcm(long userId, short[] pcm) {
    }

    /**
     * Everyone heard in this tick mixed into one 20 ms stereo block (1920 values), clipped to
     * the 16-bit range. Not called in a tick where no one was heard.
     */
    default void onMixed(short[] pcm) {
    }
}
