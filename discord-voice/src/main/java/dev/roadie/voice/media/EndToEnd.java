package dev.roadie.voice.media;

/**
 * The end-to-end layer between Opus and the transport: DAVE while the call is end-to-end
 * encrypted, nothing while it is not (a call on transport encryption only, or one passing
 * through a DAVE transition). The media path calls it for every frame, on the sending thread and
 * on the receiving thread, so implementations are thread-safe.
 */
public interface EndToEnd {

    /** The frame as it goes into an RTP packet, before transport encryption. */
    byte[] protect(byte[] opusFrame);

    /**
     * The Opus frame inside what came out of transport decryption for this user, or {@code null}
     * when it cannot be decrypted (no key for that user or epoch yet): the caller drops it and
     * counts it as lost.
     */
    byte[] unprotect(long userId, byte[] frame);

    /** A call without end-to-end encryption: frames pass as they are. */
    EndToEnd NONE = new EndToEnd() {
        @Override
        public byte[] protect(byte[] opusFrame) {
            return opusFrame;
        }

        @Override
        public byte[] unprotect(long userId, byte[] frame) {
            return frame;
        }
    };
}
