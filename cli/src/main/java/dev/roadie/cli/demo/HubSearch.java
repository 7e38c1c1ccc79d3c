package dev.roadie.cli.demo;

import dev.roadie.client.RequestFailedException;
import dev.roadie.model.music.Track;
import dev.roadie.model.wire.FrameCodec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Finds tracks through the hub's REST search ({@code GET /api/search}, docs/PROTOCOL.md 17.9),
 * and links through {@code GET /api/resolve}, with the bot's own token (scope {@code search}), so
 * that queued tracks have the titles, lengths and artwork the providers give.
 */
final class HubSearch implements TrackFinder {
    /** Longer than the hub's own deadline for its slowest provider, so that the hub's answer says what failed. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final URI base;
    private final String token;
    private final HttpClient http;

    /**
     * @param hub   the hub's socket URI ({@code ws://host:7070/ws}) or its http(s) address
     * @param token a token with scope {@code search}
     */
    HubSearch(URI hub, String token) {
        this.base = httpBase(hub);
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** The hub's http(s) base for its socket URI: the REST API is on the same host and port. */
    static URI httpBase(URI hub) {
        String scheme = hub.getScheme() == null ? "" : hub.getScheme().toLowerCase(Locale.ROOT);
        String http = switch (scheme) {
            case "ws", "http" -> "http";
            case "wss", "https" -> "https";
            default -> throw new IllegalArgumentException("the hub's address must be ws://, wss://, http:// or https://,"
                    + " not " + hub);
        };
        return URI.create(http + "://" + hub.getRawAuthority());
    }

    @Override
    public Track find(String query) {
        String text = query.strip();
        if (text.startsWith("https://") || text.startsWith("http://")) {
            JsonNode answer = get("/api/resolve?url=" + encode(text), "resolve the link");
            return track(answer.path("track"), text);
        }
        JsonNode answer = get("/api/search?limit=1&q=" + encode(text), "search");
        JsonNode first = answer.path("tracks").path(0);
        if (first.isMissingNode()) {
            if (answer.path("allFailed").asBoolean(false)) {
                throw new RequestFailedException("search-failed", "the search for '" + text + "' could not be done:"
                        + " every music service failed (" + reasons(answer) + ")");
            }
            throw new RequestFailedException("not-found", "found nothing for '" + text + "': try other words");
        }
        return track(first, text);
    }

    private JsonNode get(String pathAndQuery, String what) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RequestFailedException("search-failed", "the bot could not reach the hub at " + base + " to "
                    + what + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RequestFailedException("search-failed", "the bot was stopped while it waited to " + what);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() / 100 != 2 || body == null) {
            String message = body == null ? "HTTP " + response.statusCode() : body.path("message").asString("");
            // 404 from resolve is the hub's "nothing to play at the link", which is the user's to hear as it is.
            String code = response.statusCode() == 404 ? "not-found" : "search-failed";
            throw new RequestFailedException(code, "the hub could not " + what + ": " + message);
        }
        return body;
    }

    private static Track track(JsonNode node, String query) {
        if (!node.isObject()) {
            throw new RequestFailedException("not-found", "found nothing for '" + query + "'");
        }
        try {
            return FrameCodec.DEFAULT.fromTree(node, Track.class);
        } catch (RuntimeException e) {
            throw new RequestFailedException("search-failed", "the hub's answer for '" + query + "' is not a track: "
                    + e.getMessage());
        }
    }

    private static String reasons(JsonNode answer) {
        StringBuilder reasons = new StringBuilder();
        for (JsonNode provider : answer.path("providers")) {
            if (!reasons.isEmpty()) {
                reasons.append("; ");
            }
            reasons.append(provider.path("provider").asString("?")).append(": ")
                    .append(provider.path("reason").asString(provider.path("status").asString("")));
        }
        return reasons.toString();
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : FrameCodec.DEFAULT.mapper().readTree(body);
        } catch (JacksonException e) {
            // Not JSON (a proxy's error page): the caller reports the HTTP status instead.
            return null;
        }
    }

    @Override
    public void close() {
        http.close();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
