package dev.roadie.hub.testing;

import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Message;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;

/** Small builders shared by the socket tests: JSON bodies, plain messages and HTTP calls to a test hub. */
public final class Frames {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Frames() {
    }

    /** Parses JSON text into a tree, for bodies. */
    public static JsonNode json(String text) {
        return FrameCodec.DEFAULT.mapper().readTree(text);
    }

    /** An unnumbered message with a small body; {@link WireClient#sendNumbered} gives it a number. */
    public static Message message(String id, Address to) {
        return new Message(0, id, null, to, "test.hello", json("{\"n\":1}"), false);
    }

    /** A message whose body is {@code body}. */
    public static Message message(String id, Address to, JsonNode body) {
        return new Message(0, id, null, to, "test.hello", body, false);
    }

    /** Sends an HTTP request to the hub running now; {@code token} may be null for the open endpoints. */
    public static HttpResponse<String> http(HubExtension hub, String method, String path, String token) {
        return http(hub.running(), method, path, token);
    }

    /** Sends an HTTP request to the hub; {@code token} may be null for the open endpoints. */
    public static HttpResponse<String> http(TestHub hub, String method, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
