package dev.roadie.companion.remote;

import dev.roadie.client.RequestFailedException;
import java.util.concurrent.CompletionException;

/**
 * Words for a failed call, from the bot's or the hub's own message: the one way the apps say
 * what went wrong with a search, a link or a player command.
 */
public final class Problems {
    private Problems() {
    }

    /** The failure (a {@link CompletionException}'s cause) in words for the user, capitalised. */
    public static String words(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RequestFailedException refused) {
            return switch (refused.code()) {
                case "no-route", "gone" -> "The bot is not connected to the hub right now";
                case "timeout" -> "The bot did not answer in time";
                default -> capitalise(refused.getMessage());
            };
        }
        return capitalise(cause.getMessage() == null ? cause.toString() : cause.getMessage());
    }

    private static String capitalise(String text) {
        return text == null || text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
