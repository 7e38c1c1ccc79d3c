/**
 * Plays players into Discord voice channels: a player's {@code voice} state opens a connection of
 * the project's Discord voice client ({@code discord-voice}) that pulls lavaplayer's Opus frames
 * every 20 ms, and the connection's end becomes Lavalink's {@code WebSocketClosedEvent}.
 */
package dev.roadie.audio.voice;
