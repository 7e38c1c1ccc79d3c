/**
 * Lavalink v4's audio filters (volume, equalizer, karaoke, timescale, tremolo, vibrato, distortion,
 * rotation, channelMix, lowPass) written in Java, since lavadsp, which Lavalink uses, is not on
 * Maven Central. {@link dev.roadie.audio.filter.Filters} is what a player update asks for;
 * {@link dev.roadie.audio.filter.FilterChainFactory} turns it into lavaplayer filters, in Lavalink's
 * order. docs/AUDIO-NODE.md says how each behaves and what it costs.
 */
package dev.roadie.audio.filter;
