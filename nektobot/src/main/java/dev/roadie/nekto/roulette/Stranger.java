package dev.roadie.nekto.roulette;

/**
 * The person at the other end.
 *
 * @param id       the roulette's name for them (a PeerJS id on the self-hosted one)
 * @param channels the Opus channels their side negotiated: 2 when it asked for stereo, else 1
 */
public record Stranger(String id, int channels) {
}
