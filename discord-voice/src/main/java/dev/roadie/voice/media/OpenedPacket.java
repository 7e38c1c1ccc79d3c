package dev.roadie.voice.media;

/**
 * A received packet after transport decryption.
 *
 * @param header the RTP header: sequence, timestamp, the sender's SSRC
 * @param frame  the payload without the RTP extension body: an Opus frame, DAVE-protected if the call is
 */
public record OpenedPacket(RtpHeader header, byte[] frame) {
}
