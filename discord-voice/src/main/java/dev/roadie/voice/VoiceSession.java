package dev.roadie.voice;

import java.util.Objects;

/**
 * What the bot's main gateway gave it for one voice channel: the endpoint and token from
 * {@code VOICE_SERVER_UPDATE}, the session id from its own {@code VOICE_STATE_UPDATE}, and the ids
 * of the guild, the bot user and the channel.
 *
 * @param endpoint  {@code VOICE_SERVER_UPDATE}'s {@code endpoint}, as Discord gives it
 *                  ({@code host:port}, connected to over {@code wss://}) or a full
 *                  {@code ws://}/{@code wss://} URL
 * @param token     {@code VOICE_SERVER_UPDATE}'s {@code token}
 * @param sessionId {@code VOICE_STATE_UPDATE}'s {@code session_id}
 * @param guildId   the guild (the voice gateway calls it {@code server_id})
 * @param userId    the bot's own user id
 * @param channelId the voice channel joined
 */
public record VoiceSession(String endpoint, String token, String sessionId, long guildId, long userId, long channelId) {

    public VoiceSession {
        Objects.requireNonNull(endpoint, "endpoint: VOICE_SERVER_UPDATE's endpoint");
        Objects.requireNonNull(token, "token: VOICE_SERVER_UPDATE's token");
        Objects.requireNonNull(sessionId, "sessionId: VOICE_STATE_UPDATE's session_id");
    }

    /** The same session on the endpoint and token of a later {@code VOICE_SERVER_UPDATE}. */
    public VoiceSession movedTo(String newEndpoint, String newToken) {
        return new VoiceSession(newEndpoint, newToken, sessionId, guildId, userId, channelId);
    }

    @Override
    public String toString() {
        // The token lets anyone join the call as this bot: never in logs.
        return "VoiceSession[endpoint=" + endpoint + ", guild=" + guildId + ", channel=" + channelId + ", user=" + userId + "]";
    }
}
