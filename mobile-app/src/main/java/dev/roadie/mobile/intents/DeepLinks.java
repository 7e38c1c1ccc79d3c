package dev.roadie.mobile.intents;

import dev.roadie.model.music.QueuePosition;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The app's links, for automation (Tasker, Shortcuts) and the pairing invite:
 * <ul>
 *   <li>{@code roadie://play?q=WORDS}: play, as "play WORDS" is said ("X next" plays next);</li>
 *   <li>{@code roadie://queue?url=LINK} or {@code roadie://queue?q=WORDS}: queue at the end;</li>
 *   <li>{@code roadie://say?q=PHRASE}: any phrase ("skip", "louder", "play next X");</li>
 *   <li>{@code roadie://pair?hub=ADDRESS&code=CODE}: the invite of docs/PAIRING.md.</li>
 * </ul>
 */
final class DeepLinks {
    static final String SCHEME = "roadie";

    private final Phrases phrases;

    DeepLinks(Phrases phrases) {
        this.phrases = phrases;
    }

    PhoneCommand read(String link) {
        // Read by hand rather than with java.net.URI: links typed into an automation app carry
        // spaces and stray % signs ("roadie://play?q=volume 100%"), and those should still work.
        String text = link == null ? "" : link.strip();
        int colon = text.indexOf(':');
        if (colon < 0 || !text.substring(0, colon).equalsIgnoreCase(SCHEME)) {
            return new PhoneCommand.Unusable("Roadie opens roadie:// links only, not “" + text + "”");
        }
        String rest = text.substring(colon + 1).replaceFirst("^/*", "");
        int question = rest.indexOf('?');
        String what = (question < 0 ? rest : rest.substring(0, question)).replaceFirst("/+$", "");
        Map<String, String> query = parameters(question < 0 ? "" : rest.substring(question + 1).replaceFirst("#.*$", ""));
        return switch (what.toLowerCase(Locale.ROOT)) {
            case "play" -> phrases.play(query.get("q"));
            case "queue" -> queue(query);
            case "say" -> phrases.said(query.getOrDefault("q", ""));
            case "pair" -> pair(query);
            default -> new PhoneCommand.Unusable("Roadie does not know the link roadie://" + what
                    + ": it opens roadie://play, roadie://queue, roadie://say and roadie://pair");
        };
    }

    private PhoneCommand queue(Map<String, String> query) {
        String url = query.getOrDefault("url", "").strip();
        if (!url.isEmpty()) {
            if (!url.regionMatches(true, 0, "http://", 0, 7) && !url.regionMatches(true, 0, "https://", 0, 8)) {
                return new PhoneCommand.Unusable("roadie://queue needs a web link in url=, not “" + url + "”");
            }
            return new PhoneCommand.QueueLink(url, QueuePosition.END);
        }
        String words = query.getOrDefault("q", "").strip();
        if (words.isEmpty()) {
            return new PhoneCommand.Unusable("roadie://queue needs url=LINK or q=WORDS");
        }
        return phrases.queue(words);
    }

    private static PhoneCommand pair(Map<String, String> query) {
        String hub = query.getOrDefault("hub", "").strip();
        String code = query.getOrDefault("code", "").strip();
        if (hub.isEmpty() || code.isEmpty()) {
            return new PhoneCommand.Unusable("This pairing link lacks the hub's address or the code: ask for a new invite");
        }
        return new PhoneCommand.Pair(hub, code);
    }

    /** {@code a=1&b=x%20y}; a name given twice keeps its first value; {@code +} is a space, as forms write it. */
    private static Map<String, String> parameters(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
        }
        return values;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // A stray % (typed by hand in an automation): keep the text as it is.
            return text;
        }
    }
}
