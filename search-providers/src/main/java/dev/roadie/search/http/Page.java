package dev.roadie.search.http;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/**
 * One fetched response.
 *
 * @param uri     where it finally came from, after redirects
 * @param status  the HTTP status
 * @param headers the response headers
 * @param body    the body, within the size cap
 */
public record Page(URI uri, int status, HttpHeaders headers, byte[] body) {

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
