package dev.roadie.mobile.intents;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a voice search is about ({@code android.intent.extra.focus}): the assistant says whether
 * "play X" named an artist, an album, a song, a genre or a playlist, or nothing it recognised.
 */
public enum MediaFocus {
    /** "Play some music": anything will do (focus {@code vnd.android.cursor.item/*}). */
    ANY("vnd.android.cursor.item/*"),
    ARTIST("vnd.android.cursor.item/artist"),
    ALBUM("vnd.android.cursor.item/album"),
    /** A song (MediaStore.Audio.Media.ENTRY_CONTENT_TYPE). */
    TITLE("vnd.android.cursor.item/audio"),
    GENRE("vnd.android.cursor.item/genre"),
    PLAYLIST("vnd.android.cursor.item/playlist"),
    /** No focus, or one this app does not know: only the words. */
    UNSTRUCTURED("");

    private final String mimeType;

    MediaFocus(String mimeType) {
        this.mimeType = mimeType;
    }

    /** The extra's value as Android sends it. */
    public String mimeType() {
        return mimeType;
    }

    /** The focus the extra names; absent or unknown values are {@link #UNSTRUCTURED}. */
    public static MediaFocus of(String extra) {
        if (extra == null || extra.isBlank()) {
            return UNSTRUCTURED;
        }
        String wanted = extra.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f != UNSTRUCTURED && f.mimeType.equals(wanted)).findFirst()
                .orElse(UNSTRUCTURED);
    }
}
