/**
 * DAVE's encoded frame transform (the whitepaper's "Encoded Frame Transforms", libdave's
 * encryptor and decryptor): per-sender key ratchets from the MLS exporter's base secret,
 * AES-128-GCM with 8-byte tags, the supplemental data footer ending in the magic marker 0xFAFA,
 * the protocol frame check, silence and passthrough rules.
 *
 * <p>The MLS part computes each sender's base secret ({@code MLS-Exporter("Discord Secure
 * Frames v0", little-endian user id, 16)}) and drives {@link dev.roadie.voice.dave.frame.DaveFrames},
 * which the media path uses as its {@link dev.roadie.voice.media.EndToEnd}.
 */
package dev.roadie.voice.dave.frame;
