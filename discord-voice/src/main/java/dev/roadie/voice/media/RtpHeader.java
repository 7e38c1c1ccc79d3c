package dev.roadie.voice.media;

import java.nio.ByteBuffer;

/**
 * The fixed part of an RTP header (RFC 3550) as Discord voice uses it: version 2, payload type
 * 0x78 (Opus), a 16-bit sequence, a 32-bit timestamp in 48 kHz samples and the sender's SSRC.
 *
 * @param sequence  the packet's sequence number, 0 to 65535
 * @param timestamp the sampling instant of the frame's first sample, as an unsigned 32-bit value
 * @param ssrc      the sender's synchronisation source, as an unsigned 32-bit value
 */
public record RtpHeader(int sequence, long timestamp, int ssrc) {

    /** The length of the fixed header, without CSRCs or extension. */
    public static final int LENGTH = 12;
    /** Opus, as Discord numbers it. */
    public static final int PAYLOAD_TYPE_OPUS = 0x78;
    /** Samples per channel in one 20 ms Opus frame at 48 kHz: the timestamp step. */
    public static final int SAMPLES_PER_FRAME = 960;

    static final int VERSION_2 = 0x80;
    static final int EXTENSION_BIT = 0x10;

    /** The 12 header bytes, with no CSRCs and no extension. */
    public byte[] encode() {
        return ByteBuffer.allocate(LENGTH)
                .put((byte) VERSION_2)
                .put((byte) PAYLOAD_TYPE_OPUS)
                .putShort((short) sequence)
                .putInt((int) timestamp)
                .putInt(ssrc)
                .array();
    }

    /** The header of the packet that follows this one by one 20 ms frame. */
    public RtpHeader next() {
        return new RtpHeader((sequence + 1) & 0xFFFF, (timestamp + SAMPLES_PER_FRAME) & 0xFFFFFFFFL, ssrc);
    }

    /** Whether these bytes look like an RTP Opus packet (version 2, payload type 0x78) rather than RTCP or discovery. */
    static boolean isOpusRtp(byte[] packet, int length) {
        return length >= LENGTH && (packet[0] & 0xC0) == VERSION_2 && (packet[1] & 0x7F) == PAYLOAD_TYPE_OPUS;
    }

    /** Reads the fixed header of an RTP packet. */
    static RtpHeader parse(byte[] packet) {
        ByteBuffer in = ByteBuffer.wrap(packet);
        return new RtpHeader(in.getShort(2) & 0xFFFF, in.getInt(4) & 0xFFFFFFFFL, in.getInt(8));
    }

    /**
     * The part of the packet an rtpsize mode leaves unencrypted and authenticates: the fixed
     * header, the CSRCs, and the 4-byte extension preamble when the extension bit is set (as
     * SRTP does, RFC 3711 section 3.1).
     */
    static int unencryptedLength(byte[] packet) {
        int csrcCount = packet[0] & 0x0F;
        int length = LENGTH + 4 * csrcCount;
        if ((packet[0] & EXTENSION_BIT) != 0) {
            length += 4;
        }
        return length;
    }

    /** The length in bytes of the extension body the preamble announces, or 0 without extension. */
    static int extensionBodyLength(byte[] packet) {
        if ((packet[0] & EXTENSION_BIT) == 0) {
            return 0;
        }
        int preamble = LENGTH + 4 * (packet[0] & 0x0F);
        int words = ((packet[preamble + 2] & 0xFF) << 8) | (packet[preamble + 3] & 0xFF);
        return 4 * words;
    }
}
