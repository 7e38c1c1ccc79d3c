package dev.roadie.voice.media;

/**
 * What the receiving side has counted since the session started.
 *
 * @param packets       RTP packets that opened and went into a jitter buffer
 * @param refused       packets that failed transport decryption (tampered, wrong key, too short)
 * @param unmapped      packets from an SSRC no user is mapped to yet (op 5 Speaking maps them)
 * @param undecryptable frames DAVE could not decrypt ({@link EndToEnd#unprotect} gave null)
 * @param lost          frames never received, found missing when a later one played
 * @param late          frames that arrived after their turn to play had passed
 * @param concealed     lost frames replaced by Opus's packet loss concealment
 */
public record ReceiveStats(long packets, long refused, long unmapped, long undecryptable, long lost, long late, long concealed) {
}
