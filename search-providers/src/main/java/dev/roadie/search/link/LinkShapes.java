package dev.roadie.search.link;

import dev.roadie.search.spi.LinkKind;
import java.net.URI;

/**
 * What a link's shape alone says: which service it belongs to and whether it names a track or a
 * list. For the providers outside this package that load some links themselves (audio nodes
 * load YouTube and SoundCloud playlists).
 */
public final class LinkShapes {

    private LinkShapes() {
    }

    /** The service of a link: {@code youtube}, {@code soundcloud}, {@code spotify}, {@code vimeo}, {@code bandcamp}, or {@code web}. */
    public static String source(URI link) {
        return KnownService.of(link).source;
    }

    /** A track, a playlist or an album, judged from the link's host, path and query. */
    public static LinkKind kindOf(URI link) {
        return KnownService.of(link).kindOf(link);
    }
}
