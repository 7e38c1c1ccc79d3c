package dev.roadie.search.spi;

/** What a resolved link points at: the bot queues a track, but must tell the user about a list. */
public enum LinkKind {
    /** One track or video. */
    TRACK,
    /** A playlist (YouTube list, Spotify playlist, SoundCloud set). */
    PLAYLIST,
    /** An album. */
    ALBUM
}
