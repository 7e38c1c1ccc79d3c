package dev.roadie.nekto.discord;

/** What the main gateway tells the bot, on the gateway's receiving thread, one at a time. */
public interface GatewayEvents {

    /** READY: the bot's own user id (again after a new session, not after a resume). */
    void ready(long botUserId);

    /** A user's voice state: {@code channelId} 0 when they left voice; {@code sessionId} matters for the bot's own. */
    void voiceState(long guildId, long userId, long channelId, String sessionId);

    /** VOICE_SERVER_UPDATE: where the guild's voice server is, and the token for it. */
    void voiceServer(long guildId, String endpoint, String token);

    /** A slash command. */
    void command(Command command);

    /** Discord closed the connection for good (a bad token, refused intents...): {@code why} says what to fix. */
    void ended(String why);
}
