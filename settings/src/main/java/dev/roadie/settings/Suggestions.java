package dev.roadie.settings;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" for setting names. Compares names ignoring case, '_' and '-' (so
 * {@code max_frame_bytes} finds {@code maxFrameBytes}), counts a swap of two letters as one
 * typo, and also finds a setting put in the wrong section by its last part.
 */
public final class Suggestions {

    private Suggestions() {
    }

    /** The candidate closest to {@code wrong}, if it is close enough to be a typo of it. */
    public static Optional<String> closest(String wrong, Collection<String> candidates) {
        String target = normal(wrong);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(target, normal(candidate));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best != null && bestDistance <= allowedTypos(target)) {
            return Optional.of(best);
        }
        return sameLastPart(wrong, candidates);
    }

    /** Short names allow fewer typos, or every four-letter word would look like {@code port}. */
    private static int allowedTypos(String name) {
        if (name.length() <= 4) {
            return 1;
        }
        return name.length() <= 10 ? 2 : 3;
    }

    /** {@code maxFrameBytes} at the top level suggests {@code limits.maxFrameBytes}. */
    private static Optional<String> sameLastPart(String wrong, Collection<String> candidates) {
        String last = normal(lastPart(wrong));
        return candidates.stream().filter(candidate -> normal(lastPart(candidate)).equals(last)).findFirst();
    }

    private static String lastPart(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    private static String normal(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[_\\-\\s]", "");
    }

    /** Edit distance where a swap of neighbours counts as one edit (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
