package dev.roadie.mobile.intents;

/**
 * The Android names the app reads, as plain strings so that this package needs no Android
 * classes (checked against {@code android.provider.MediaStore} and {@code android.content.Intent}).
 */
public final class AndroidIntents {
    /** What Google Assistant sends a media app for "play X on Roadie" (MediaStore.INTENT_ACTION_MEDIA_PLAY_FROM_SEARCH). */
    public static final String MEDIA_PLAY_FROM_SEARCH = "android.media.action.MEDIA_PLAY_FROM_SEARCH";
    /** Share from another app (Intent.ACTION_SEND). */
    public static final String SEND = "android.intent.action.SEND";
    /** A link opened in the app, {@code roadie://...} (Intent.ACTION_VIEW). */
    public static final String VIEW = "android.intent.action.VIEW";

    /** The words heard (SearchManager.QUERY). */
    public static final String EXTRA_QUERY = "query";
    public static final String EXTRA_FOCUS = "android.intent.extra.focus";
    public static final String EXTRA_ARTIST = "android.intent.extra.artist";
    public static final String EXTRA_ALBUM = "android.intent.extra.album";
    public static final String EXTRA_TITLE = "android.intent.extra.title";
    public static final String EXTRA_GENRE = "android.intent.extra.genre";
    public static final String EXTRA_PLAYLIST = "android.intent.extra.playlist";
    /** The shared text (Intent.EXTRA_TEXT). */
    public static final String EXTRA_TEXT = "android.intent.extra.TEXT";
    /** A shared item's subject, often the page's title (Intent.EXTRA_SUBJECT). */
    public static final String EXTRA_SUBJECT = "android.intent.extra.SUBJECT";

    /** The only share type the app takes. */
    public static final String TEXT_PLAIN = "text/plain";

    private AndroidIntents() {
    }
}
