package dev.roadie.model.voice;

/** What the speaker wants the music bot to do. */
public enum IntentKind {
    /** Play or queue a track; the intent carries a query and a queue position. */
    PLAY,
    /**
     * Look something up. Also what any text the phrase table does not recognise becomes, so
     * a search box can feed the parser anything.
     */
    SEARCH,
    /** Skip to the next track. */
    SKIP,
    /** Pause playback. */
    PAUSE,
    /** Resume paused playback. */
    RESUME,
    /** Stop playback. */
    STOP,
    /** Change the volume; the intent carries a {@link VolumeChange}. */
    VOLUME,
    /** Ask what is playing. */
    NOW_PLAYING,
    /** Empty the queue. */
    CLEAR_QUEUE
}
