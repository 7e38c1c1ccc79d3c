package dev.roadie.nekto.discord;

/**
 * A slash command as INTERACTION_CREATE delivered it.
 *
 * @param name             the command, without the slash ({@code start}, {@code next}...)
 * @param interactionId    answered through REST with {@code interactionToken}
 * @param guildId          where it was typed
 * @param textChannelId    the channel it was typed in, where the bot then says what happens
 * @param userId           who typed it
 */
public record Command(String name, String interactionId, String interactionToken, long guildId, long textChannelId,
        long userId) {
}
