package dev.roadie.mobile.intents;

import static dev.roadie.mobile.intents.AndroidIntents.EXTRA_SUBJECT;
import static dev.roadie.mobile.intents.AndroidIntents.EXTRA_TEXT;
import static dev.roadie.mobile.intents.AndroidIntents.TEXT_PLAIN;

import dev.roadie.model.music.QueuePosition;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code SEND text/plain} from another app: a link, or text with a link in it ("Listen to
 * Windowlicker on Spotify https://open.spotify.com/track/..."), is queued; a {@code roadie://}
 * link is followed; plain words are searched, to pick from.
 */
final class SharedText {
    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?|roadie)://[^\\s<>\"]+");
    /** Sentence punctuation that ends a link written in text ("... /track/123)." ). */
    private static final String TRAILING = ".,;:!?)]}'’”»";

    private final DeepLinks deepLinks;

    SharedText(DeepLinks deepLinks) {
        this.deepLinks = deepLinks;
    }

    PhoneCommand read(IncomingIntent intent) {
        String type = intent.type() == null ? "" : intent.type().toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !type.startsWith(TEXT_PLAIN)) {
            return new PhoneCommand.Unusable("Roadie takes shared links and text, not " + intent.type());
        }
        String text = intent.extra(EXTRA_TEXT) == null ? "" : intent.extra(EXTRA_TEXT).strip();
        String subject = intent.extra(EXTRA_SUBJECT) == null ? "" : intent.extra(EXTRA_SUBJECT).strip();
        for (String part : new String[] {text, subject}) {
            Matcher link = LINK.matcher(part);
            if (link.find()) {
                String url = trim(link.group());
                return url.regionMatches(true, 0, "roadie:", 0, 7) ? deepLinks.read(url)
                        : new PhoneCommand.QueueLink(url, QueuePosition.END);
            }
        }
        String words = !text.isEmpty() ? text : subject;
        return words.isEmpty() ? new PhoneCommand.Unusable("The shared item had no text or link to play")
                : new PhoneCommand.Search(words.replaceAll("\\s+", " "));
    }

    private static String trim(String url) {
        int end = url.length();
        while (end > 0 && TRAILING.indexOf(url.charAt(end - 1)) >= 0) {
            // A link's own closing bracket stays: https://en.wikipedia.org/wiki/Song_(band)
            if (url.charAt(end - 1) == ')' && url.lastIndexOf('(', end - 1) > url.indexOf("://")) {
                break;
            }
            end--;
        }
        return url.substring(0, end);
    }
}
