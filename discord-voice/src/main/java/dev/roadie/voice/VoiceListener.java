package dev.roadie.voice;

/**
 * What a voice connection tells the bot. Connection events come on the {@code voice-gateway}
 * thread; audio comes on the play-out thread every 20 ms, so keep those callbacks short.
 * Override what you use.
 */
public interface VoiceListener {

    /** The call is up (the first time, after a resume, and after moving): audio flows. */
    default void onConnected() {
    }

    /** The connection was lost or moved and is coming back; audio pauses meanwhile. */
    default void onReconnecting(String reason) {
    }

    /** The connection ended and will not come back by itself; {@code reason} says why and what to do. */
    default void onDisconnected(String reason) {
    }

    /**
     * The same, with the voice gateway's close code (4014: removed from the channel, 4006: the
     * session is no longer valid...; 1006 when reconnecting failed), for a bot that reports it,
     * as Lavalink's {@code WebSocketClosedEvent} does. Calls {@link #onDisconnected(String)} unless overridden.
     */
    default void onDisconnected(int closeCode, String reason) {
        onDisconnected(reason);
    }

    /** A user joined the channel. */
    default void onUserJoined(long userId) {
    }

    /** A user left the channel. */
    default void onUserLeft(long userId) {
    }

    /** A user started or stopped speaking. */
    default void onSpeaking(long userId, boolean speaking) {
    }

    /** One user's frame as received, decrypted, in order. */
    default void onOpus(long userId, OpusFrame frame) {
    }

    /** One user's 20 ms decoded: 48 kHz stereo, interleaved, 1920 samples. */
    default void onPcm(long userId, short[] pcm) {
    }

    /** Everyone heard in the last 20 ms mixed: 48 kHz stereo, interleaved, 1920 samples. */
    default void onMixed(short[] pcm) {
    }
}
