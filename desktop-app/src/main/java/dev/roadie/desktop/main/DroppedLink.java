package dev.roadie.desktop.main;

import dev.roadie.companion.remote.Links;
import java.util.Optional;
import javafx.scene.input.Dragboard;

/**
 * The web address in what a browser drops: its {@code text/uri-list} (one address a line, lines
 * starting with {@code #} are comments, RFC 2483) or, from browsers and apps that give only text,
 * the first {@code http(s)} address in the text ({@link Links}).
 */
final class DroppedLink {
    private DroppedLink() {
    }

    static Optional<String> in(Dragboard board) {
        return in(board.hasUrl() ? board.getUrl() : null, board.hasString() ? board.getString() : null);
    }

    static Optional<String> in(String uriList, String text) {
        if (uriList != null) {
            Optional<String> listed = uriList.lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).findFirst()
                    .flatMap(Links::firstWeb);
            if (listed.isPresent()) {
                return listed;
            }
        }
        return Links.firstWeb(text);
    }
}
