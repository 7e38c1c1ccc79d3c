package dev.roadie.search.spi;

/** What a provider can do; the hub asks only the providers that can do what the user asked. */
public enum Capability {
    /** Answers a free-text query with tracks. */
    SEARCH_TRACKS,
    /** Turns a link the user pasted into a track (or says it is a playlist or an album). */
    RESOLVE_LINKS
}
