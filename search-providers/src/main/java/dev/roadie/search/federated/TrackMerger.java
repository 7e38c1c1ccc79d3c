package dev.roadie.search.federated;

import dev.roadie.model.music.Track;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Merges the answers of several providers into one ranked list. The same recording found twice
 * is one entry: the same ISRC, or else the same normalised main artist and title with lengths
 * within a tolerance. Rank: found by more providers first, then playable by the bot, then how high the
 * providers placed it. The input order is the providers' order, not their answer order, so the
 * ranking does not depend on which service happened to be faster.
 */
public final class TrackMerger {

    /** Two releases of one recording differ by a second or two of silence. */
    public static final long DEFAULT_TOLERANCE_MS = 3_000;

    private static final Pattern BRACKETED = Pattern.compile("[(\\[][^)\\]]*[)\\]]");
    private static final Pattern OTHER_RECORDING = Pattern.compile(
            "\\b(live|demo|remix|mix|acoustic|instrumental|karaoke|cover|version|edit|session)\\b");

    private final long toleranceMs;

    /** @param toleranceMs the largest length difference that is still the same recording */
    public TrackMerger(long toleranceMs) {
        this.toleranceMs = toleranceMs;
    }

    /**
     * @param answers each provider's tracks, in the order the providers were asked
     * @param limit   the most tracks to return
     */
    public List<Track> merge(List<List<Track>> answers, int limit) {
        List<Group> groups = new ArrayList<>();
        for (int provider = 0; provider < answers.size(); provider++) {
            List<Track> tracks = answers.get(provider);
            for (int position = 0; position < tracks.size(); position++) {
                Track track = tracks.get(position);
                Group group = groups.stream().filter(g -> sameRecording(g.best, track)).findFirst().orElse(null);
                if (group == null) {
                    groups.add(new Group(track, position, provider));
                } else {
                    group.add(track, position);
                }
            }
        }
        return groups.stream()
                .sorted(Comparator.comparingInt((Group g) -> -g.providers)
                        .thenComparing(g -> !g.best.playable())
                        .thenComparingInt(g -> g.bestPosition)
                        .thenComparingInt(g -> g.firstProvider))
                .limit(limit)
                .map(g -> g.best)
                .toList();
    }

    boolean sameRecording(Track a, Track b) {
        if (a.isrc() != null && b.isrc() != null) {
            return a.isrc().equalsIgnoreCase(b.isrc());
        }
        if (!normalise(a.title()).equals(normalise(b.title()))
                || !normaliseArtist(a.artist()).equals(normaliseArtist(b.artist()))) {
            return false;
        }
        // An unknown length (0) cannot tell two recordings apart, so it does not keep them apart.
        return a.durationMs() == 0 || b.durationMs() == 0 || Math.abs(a.durationMs() - b.durationMs()) <= toleranceMs;
    }

    /** The main artist: services disagree on whether guests belong in the artist ("A feat. B") or the title. */
    static String normaliseArtist(String artist) {
        return normalise(artist).replaceAll("\\s+(feat|ft|featuring|with)\\b.*$", "").strip();
    }

    /** Lower case, accents off, bracketed extras ("(Remastered)") off but not versions ("(Live)"), punctuation to spaces. */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        // "(Remastered 2011)" is the same recording; "(Live)" or "(Demo)" is another one, so it stays.
        String withoutExtras = BRACKETED.matcher(plain.toLowerCase(Locale.ROOT))
                .replaceAll(m -> OTHER_RECORDING.matcher(m.group()).find() ? Matcher.quoteReplacement(m.group()) : " ");
        return withoutExtras.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** One recording, as found by one or more providers. */
    private static final class Group {
        private Track best;
        private int bestPosition;
        private int providers = 1;
        private final int firstProvider;

        Group(Track track, int position, int provider) {
            this.best = track;
            this.bestPosition = position;
            this.firstProvider = provider;
        }

        void add(Track track, int position) {
            providers++;
            bestPosition = Math.min(bestPosition, position);
            Track keep = !best.playable() && track.playable() ? track : best;
            Track other = keep == best ? track : best;
            // Keep what the other copy knows and this one does not: the ISRC, the artwork, the album.
            best = new Track(keep.title(), keep.artist() != null ? keep.artist() : other.artist(),
                    keep.album() != null ? keep.album() : other.album(),
                    keep.durationMs() != 0 ? keep.durationMs() : other.durationMs(), keep.uri(),
                    keep.artworkUrl() != null ? keep.artworkUrl() : other.artworkUrl(), keep.source(),
                    keep.isrc() != null ? keep.isrc() : other.isrc(), keep.playable());
        }
    }
}
