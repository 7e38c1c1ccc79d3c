package dev.roadie.search.link;

import dev.roadie.search.spi.LinkKind;
import java.net.URI;
import java.util.Locale;

/** The services that answer oEmbed, recognised by host, and what kind of thing a link of theirs names. */
enum KnownService {
    YOUTUBE("youtube", true),
    SOUNDCLOUD("soundcloud", true),
    SPOTIFY("spotify", false),
    VIMEO("vimeo", true),
    BANDCAMP("bandcamp", true),
    OTHER("web", false);

    /** The {@code source} of tracks found this way. */
    final String source;
    /** Whether the bot's audio nodes can play the link itself (Lavalink has no Spotify source). */
    final boolean playable;

    KnownService(String source, boolean playable) {
        this.source = source;
        this.playable = playable;
    }

    static KnownService of(URI link) {
        String host = link.getHost() == null ? "" : link.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("youtu.be") || host.equals("youtube.com") || host.endsWith(".youtube.com")) {
            return YOUTUBE;
        }
        if (host.equals("soundcloud.com") || host.endsWith(".soundcloud.com")) {
            return SOUNDCLOUD;
        }
        if (host.equals("open.spotify.com")) {
            return SPOTIFY;
        }
        if (host.equals("vimeo.com") || host.endsWith(".vimeo.com")) {
            return VIMEO;
        }
        if (host.endsWith(".bandcamp.com")) {
            return BANDCAMP;
        }
        return OTHER;
    }

    /** What the link names, judged from its shape alone. */
    LinkKind kindOf(URI link) {
        String path = link.getPath() == null ? "" : link.getPath();
        String query = link.getQuery() == null ? "" : link.getQuery();
        return switch (this) {
            case YOUTUBE -> path.startsWith("/playlist") || (query.contains("list=") && !query.contains("v="))
                    ? LinkKind.PLAYLIST : LinkKind.TRACK;
            case SOUNDCLOUD -> path.contains("/sets/") ? LinkKind.PLAYLIST : LinkKind.TRACK;
            case SPOTIFY -> path.contains("/album/") ? LinkKind.ALBUM
                    : path.contains("/playlist/") ? LinkKind.PLAYLIST : LinkKind.TRACK;
            case BANDCAMP -> path.startsWith("/album/") ? LinkKind.ALBUM : LinkKind.TRACK;
            default -> LinkKind.TRACK;
        };
    }

    /** The oEmbed endpoint for this service, or null for pages that are read directly. */
    URI oembedEndpoint(OEmbedEndpoints endpoints) {
        return switch (this) {
            case YOUTUBE -> endpoints.youtube();
            case SOUNDCLOUD -> endpoints.soundcloud();
            case SPOTIFY -> endpoints.spotify();
            case VIMEO -> endpoints.vimeo();
            default -> null;
        };
    }
}
