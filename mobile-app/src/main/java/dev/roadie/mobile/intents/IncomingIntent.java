package dev.roadie.mobile.intents;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An intent handed to the app, in plain Java: Android's action, MIME type, data URI and string
 * extras; an iOS URL arrives as a {@link #view(String) VIEW} of that URL. The platform code
 * copies what it got into one of these; {@link IntentReader} turns it into a command.
 *
 * @param action the action ({@link AndroidIntents#MEDIA_PLAY_FROM_SEARCH}, {@link AndroidIntents#SEND},
 *               {@link AndroidIntents#VIEW})
 * @param type   the MIME type of a share, or null
 * @param data   the URI opened, or null
 * @param extras the string extras; never null
 */
public record IncomingIntent(String action, String type, String data, Map<String, String> extras) {

    public IncomingIntent {
        action = action == null ? "" : action;
        Map<String, String> copy = new LinkedHashMap<>();
        if (extras != null) {
            extras.forEach((k, v) -> {
                if (k != null && v != null) {
                    copy.put(k, v);
                }
            });
        }
        extras = java.util.Collections.unmodifiableMap(copy);
    }

    /** A link opened in the app: {@code roadie://play?q=...}. */
    public static IncomingIntent view(String uri) {
        return new IncomingIntent(AndroidIntents.VIEW, null, uri, Map.of());
    }

    /** Text shared from another app. */
    public static IncomingIntent share(String text) {
        return new IncomingIntent(AndroidIntents.SEND, AndroidIntents.TEXT_PLAIN, null,
                text == null ? Map.of() : Map.of(AndroidIntents.EXTRA_TEXT, text));
    }

    /** A voice search with its extras ({@code query}, focus, artist, album, title...). */
    public static IncomingIntent mediaSearch(Map<String, String> extras) {
        return new IncomingIntent(AndroidIntents.MEDIA_PLAY_FROM_SEARCH, null, null, extras);
    }

    /** A voice search of plain words, as an assistant sends it without a focus. */
    public static IncomingIntent mediaSearch(String query) {
        return mediaSearch(query == null ? Map.of() : Map.of(AndroidIntents.EXTRA_QUERY, query));
    }

    /** The extra, or null. */
    public String extra(String name) {
        return extras.get(name);
    }
}
