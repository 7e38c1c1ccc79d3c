package dev.roadie.hub.testing;

import dev.roadie.model.wire.FrameCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * A small HTTP client for the hub's REST API in tests: real HTTP through the JDK's client, an
 * optional bearer token, JSON bodies as text.
 */
public final class Http {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String baseUrl;

    public Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A client for {@code hub}'s base URL. */
    public static Http to(TestHub hub) {
        return new Http(hub.baseUrl());
    }

    /** A client for the base URL of the hub running now. */
    public static Http to(HubExtension hub) {
        return to(hub.running());
    }

    /** What came back: the status, the raw body and its content type. */
    public record Response(int status, String body, String contentType) {
        /** The body read as JSON. */
        public JsonNode json() {
            return FrameCodec.DEFAULT.mapper().readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    /** {@code GET path}, with {@code token} as a bearer token unless it is null. */
    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    /** {@code GET path} with extra headers (an SSE stream needs {@code Accept: text/event-stream}). */
    public Response get(String path, String token, java.util.Map<String, String> headers) {
        HttpRequest.Builder builder = request(path, token).GET();
        headers.forEach(builder::header);
        return send(builder);
    }

    /** {@code POST path} with a JSON body. */
    public Response post(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** {@code DELETE path}. */
    public Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
