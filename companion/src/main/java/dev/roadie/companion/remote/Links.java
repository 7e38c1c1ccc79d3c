package dev.roadie.companion.remote;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first link in a text, as apps hand it over ("Listen on Spotify https://open.spotify.com/track/1."):
 * a shared text on the phone, a drop from a browser on the desktop.
 */
public final class Links {
    /** The web's schemes: what the hub can read into a track. */
    public static final Set<String> WEB = Set.of("http", "https");
    private static final Pattern LINK = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*)://[^\\s<>\"]+");
    /** Sentence punctuation that ends a link written in text ("... /track/123)." ). */
    private static final String TRAILING = ".,;:!?)]}'’”»";

    private Links() {
    }

    /** The first {@code http(s)} link in {@code text}, without the punctuation that ends a sentence. */
    public static Optional<String> firstWeb(String text) {
        return first(text, WEB);
    }

    /** The first link in {@code text} with one of {@code schemes} (lower case), without the punctuation that ends a sentence. */
    public static Optional<String> first(String text, Set<String> schemes) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher found = LINK.matcher(text);
        while (found.find()) {
            if (schemes.contains(found.group(1).toLowerCase(Locale.ROOT))) {
                return Optional.of(trim(found.group()));
            }
        }
        return Optional.empty();
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
