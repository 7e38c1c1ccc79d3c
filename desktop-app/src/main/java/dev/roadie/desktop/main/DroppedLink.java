package dev.roadie.desktop.main;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.input.Dragboard;

/**
 * The web address in what a browser drops: its {@code text/uri-list} (one address a line, lines
 * starting with {@code #} are comments, RFC 2483) or, from browsers and apps that give only text,
 * the first {@code http(s)} address in the text.
 */
final class DroppedLink {
    private static final Pattern LINK = Pattern.compile("(?i)https?://[^\\s<>\"]+");

    private DroppedLink() {
    }

    static Optional<String> in(Dragboard board) {
        return in(board.hasUrl() ? board.getUrl() : null, board.hasString() ? board.getString() : null);
    }

    static Optional<String> in(String uriList, String text) {
        if (uriList != null) {
            Optional<String> listed = uriList.lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).findFirst()
                    .flatMap(DroppedLink::firstLink);
            if (listed.isPresent()) {
                return listed;
            }
        }
        return text == null ? Optional.empty() : firstLink(text);
    }

    private static Optional<String> firstLink(String text) {
        Matcher found = LINK.matcher(text);
        return found.find() ? Optional.of(found.group()) : Optional.empty();
    }
}
