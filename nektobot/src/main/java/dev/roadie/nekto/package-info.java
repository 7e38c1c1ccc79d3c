/**
 * nektobot: a Discord bot that bridges a voice channel with a stranger from a voice chat
 * roulette (docs/NEKTOBOT.md). The roulette side is {@link dev.roadie.nekto.roulette}; the WebRTC
 * leg runs in a Node process ({@link dev.roadie.nekto.node}).
 */
package dev.roadie.nekto;
