package dev.roadie.mobile.remote;

import dev.roadie.mobile.intents.PhoneCommand;
import dev.roadie.model.music.Track;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which result to queue for a voice search: the hub's merged list is best first, so the first
 * one wins unless another has the title, artist or album the assistant named.
 */
final class BestMatch {
    private BestMatch() {
    }

    static Optional<Track> pick(List<Track> results, PhoneCommand.Play play) {
        // A stable sort: among equal scores the hub's order stands. (Track.playable only says
        // whether the bot plays the link itself or searches for it: both are fine to queue.)
        return results.stream().sorted(Comparator.comparingInt((Track t) -> -score(t, play))).findFirst();
    }

    private static int score(Track track, PhoneCommand.Play play) {
        return (same(track.title(), play.title()) ? 4 : 0) + (same(track.artist(), play.artist()) ? 2 : 0)
                + (same(track.album(), play.album()) ? 1 : 0);
    }

    /** Equal once case and accents are put aside: "Les Etoiles" is "Les Étoiles". */
    private static boolean same(String found, String named) {
        return found != null && named != null && plain(found).equals(plain(named));
    }

    private static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").strip().toLowerCase(Locale.ROOT);
    }
}
