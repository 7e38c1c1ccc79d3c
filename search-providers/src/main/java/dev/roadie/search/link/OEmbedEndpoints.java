package dev.roadie.search.link;

import java.net.URI;

/**
 * Where each service answers oEmbed; configurable so that tests (and mirrors) can stand in.
 *
 * @param youtube    {@code https://www.youtube.com/oembed}
 * @param soundcloud {@code https://soundcloud.com/oembed}
 * @param spotify    {@code https://open.spotify.com/oembed}
 * @param vimeo      {@code https://vimeo.com/api/oembed.json}
 */
public record OEmbedEndpoints(URI youtube, URI soundcloud, URI spotify, URI vimeo) {

    /** The services' public endpoints. */
    public static final OEmbedEndpoints PUBLIC = new OEmbedEndpoints(URI.create("https://www.youtube.com/oembed"),
            URI.create("https://soundcloud.com/oembed"), URI.create("https://open.spotify.com/oembed"),
            URI.create("https://vimeo.com/api/oembed.json"));
}
