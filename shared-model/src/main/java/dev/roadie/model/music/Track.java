package dev.roadie.model.music;

/**
 * A track as every part of Roadie describes it: found by a search provider, sent by the
 * Chrome extension, queued on the bot.
 *
 * @param title      the title
 * @param artist     the artist, or null when unknown (a radio stream)
 * @param album      the album, or null
 * @param durationMs the length in milliseconds, 0 for a stream or when unknown
 * @param uri        where the bot can load it from (a web page or a Lavalink identifier)
 * @param artworkUrl a picture, or null
 * @param source     where it was found ("deezer", "youtube", ...)
 * @param isrc       the ISRC when known: the best key to recognise one recording across services
 * @param playable   whether the bot can play {@code uri} directly (else it searches for it)
 */
public record Track(String title, String artist, String album, long durationMs, String uri, String artworkUrl,
        String source, String isrc, boolean playable) {

    public Track {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a track needs a title");
        }
    }
}
