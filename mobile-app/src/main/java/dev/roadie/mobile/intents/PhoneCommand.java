package dev.roadie.mobile.intents;

import dev.roadie.model.music.QueuePosition;
import dev.roadie.model.voice.VolumeChange;
import java.util.Objects;

/**
 * What an intent, a shared text, a deep link or a phrase asks the app to do: the one type the
 * app executes ({@code dev.roadie.mobile.remote.CommandRunner}), whatever it came from.
 */
public sealed interface PhoneCommand {

    /**
     * Search for {@code query} and queue the best match at {@code position}. {@code title},
     * {@code artist} and {@code album} are what the speaker or assistant named, to prefer the
     * result that has them; any may be null.
     */
    record Play(String query, MediaFocus focus, String title, String artist, String album, QueuePosition position)
            implements PhoneCommand {
        public Play {
            if (query == null || query.isBlank()) {
                throw new IllegalArgumentException("play needs words to search for");
            }
            query = query.strip();
            Objects.requireNonNull(focus, "focus");
            Objects.requireNonNull(position, "position");
            title = blankToNull(title);
            artist = blankToNull(artist);
            album = blankToNull(album);
        }

        /** Words only, no hints. */
        public static Play words(String query, QueuePosition position) {
            return new Play(query, MediaFocus.UNSTRUCTURED, null, null, null, position);
        }
    }

    /** Read the link (YouTube, Deezer, Spotify...) into its track and queue it at {@code position}. */
    record QueueLink(String url, QueuePosition position) implements PhoneCommand {
        public QueueLink {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(position, "position");
        }
    }

    /** Show the results for {@code query}; nothing is queued until the user picks one. */
    record Search(String query) implements PhoneCommand {
        public Search {
            Objects.requireNonNull(query, "query");
        }
    }

    /** A player button: skip, pause, resume (also "play something" with nothing more said), stop... */
    record Control(Action action) implements PhoneCommand {
        public Control {
            Objects.requireNonNull(action, "action");
        }
    }

    /** Louder, quieter, or a level. */
    record Volume(VolumeChange change) implements PhoneCommand {
        public Volume {
            Objects.requireNonNull(change, "change");
        }
    }

    /** Redeem the invite {@code code} at the hub {@code hub} (a {@code roadie://pair} link). */
    record Pair(String hub, String code) implements PhoneCommand {
        public Pair {
            Objects.requireNonNull(hub, "hub");
            Objects.requireNonNull(code, "code");
        }
    }

    /** Nothing the app can do with what it got; {@code why} is shown to the user. */
    record Unusable(String why) implements PhoneCommand {
        public Unusable {
            Objects.requireNonNull(why, "why");
        }
    }

    /** The player's buttons that voice reaches. */
    enum Action {
        SKIP,
        PREVIOUS,
        PAUSE,
        /** Resume, or start the queue: what "play" alone and "play something" mean. */
        RESUME,
        STOP,
        CLEAR_QUEUE,
        /** Show what plays. */
        NOW_PLAYING
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
