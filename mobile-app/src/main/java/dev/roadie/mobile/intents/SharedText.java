package dev.roadie.mobile.intents;

import static dev.roadie.mobile.intents.AndroidIntents.EXTRA_SUBJECT;
import static dev.roadie.mobile.intents.AndroidIntents.EXTRA_TEXT;
import static dev.roadie.mobile.intents.AndroidIntents.TEXT_PLAIN;

import dev.roadie.companion.remote.Links;
import dev.roadie.model.music.QueuePosition;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code SEND text/plain} from another app: a link, or text with a link in it ("Listen to
 * Windowlicker on Spotify https://open.spotify.com/track/..."), is queued; a {@code roadie://}
 * link is followed; plain words are searched, to pick from.
 */
final class SharedText {
    /** The web's links, and the app's own. */
    private static final Set<String> SCHEMES = Set.of("http", "https", DeepLinks.SCHEME);

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
            Optional<String> link = Links.first(part, SCHEMES);
            if (link.isPresent()) {
                String url = link.get();
                return url.regionMatches(true, 0, "roadie:", 0, 7) ? deepLinks.read(url)
                        : new PhoneCommand.QueueLink(url, QueuePosition.END);
            }
        }
        String words = !text.isEmpty() ? text : subject;
        return words.isEmpty() ? new PhoneCommand.Unusable("The shared item had no text or link to play")
                : new PhoneCommand.Search(words.replaceAll("\\s+", " "));
    }
}
