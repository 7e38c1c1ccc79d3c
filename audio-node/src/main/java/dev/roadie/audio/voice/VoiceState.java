package dev.roadie.audio.voice;

import tools.jackson.databind.JsonNode;

/**
 * A player's {@code voice} object from {@code PATCH players}: what the bot's Discord gateway gave
 * it for the channel (Lavalink's {@code VoiceState}).
 *
 * @param channelId the channel, or 0 when the client did not send it (the Java
 *                  {@code lavalink-client} 3.2.0 does not)
 */
public record VoiceState(String token, String endpoint, String sessionId, long channelId) {

    /** The state in {@code voice}, or null while it is incomplete (a client sends the fields it has so far). */
    public static VoiceState of(JsonNode voice) {
        String token = text(voice, "token");
        String endpoint = text(voice, "endpoint");
        String sessionId = text(voice, "sessionId");
        if (token.isEmpty() || endpoint.isEmpty() || sessionId.isEmpty()) {
            return null;
        }
        String channel = text(voice, "channelId");
        return new VoiceState(token, endpoint, sessionId, channel.isEmpty() ? 0 : Snowflakes.parse("voice.channelId", channel));
    }

    private static String text(JsonNode voice, String field) {
        JsonNode value = voice.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }

    @Override
    public String toString() {
        // The token lets anyone join the call as the bot: never in logs.
        return "VoiceState[endpoint=" + endpoint + ", channel=" + channelId + "]";
    }
}
