/**
 * A Discord voice connection that sends and receives audio, with DAVE end-to-end encryption
 * (docs/DISCORD-VOICE.md). {@code gateway}: the voice gateway v8 over WebSocket; {@code media}:
 * UDP, RTP, transport encryption, Opus pacing, jitter buffer, decoding and mixing;
 * {@code dave}: DAVE's MLS group and frame encryption.
 */
package dev.roadie.voice;
