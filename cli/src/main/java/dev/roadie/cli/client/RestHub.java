package dev.roadie.cli.client;

import dev.roadie.model.wire.FrameCodec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * How the REST client commands reach a hub, as a picocli mixin: {@code --hub} takes the same
 * socket URI as the other client commands ({@code ws://host:7070/ws}, turned into
 * {@code http://host:7070}) or an http(s) base URL; {@code --token} or {@code ROADIE_TOKEN}.
 */
public final class RestHub {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Mixin
    HubAccess access;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "How long to wait for the hub's answer (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    /** A failure the hub reported or a hub that could not be reached; the message is for the user. */
    static final class HubCallFailed extends Exception {
        private static final long serialVersionUID = 1L;

        /** The hub's HTTP status, or 0 when the hub did not answer. */
        final int status;
        /** The hub's own message (the error body's {@code message}), or the whole message when it did not answer. */
        final String hubMessage;

        HubCallFailed(String message) {
            this(message, 0, message);
        }

        HubCallFailed(String message, int status, String hubMessage) {
            super(message);
            this.status = status;
            this.hubMessage = hubMessage;
        }
    }

    /** The hub's HTTP base, derived from a ws(s) socket URI when that is what was given. */
    URI baseUrl() {
        URI given = access.hubs().getFirst();
        String scheme = given.getScheme() == null ? "" : given.getScheme().toLowerCase(java.util.Locale.ROOT);
        String http = switch (scheme) {
            case "ws", "http" -> "http";
            case "wss", "https" -> "https";
            default -> throw new ParameterException(spec.commandLine(),
                    "--hub must be ws://, wss://, http:// or https://, not " + given);
        };
        if (given.getHost() == null) {
            throw new ParameterException(spec.commandLine(), "--hub has no host: " + given);
        }
        return URI.create(http + "://" + given.getRawAuthority());
    }

    /** GETs {@code path} with the query parameters (each encoded) and returns the JSON answer. */
    JsonNode get(String path, Map<String, ?> query) throws HubCallFailed {
        StringBuilder url = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, ?> parameter : query.entrySet()) {
            Iterable<?> values = parameter.getValue() instanceof Iterable<?> many ? many
                    : java.util.List.of(parameter.getValue());
            for (Object value : values) {
                url.append(separator).append(parameter.getKey()).append('=')
                        .append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        Exchange exchange = exchange("GET", url.toString(), Map.of("Accept", "application/json"), null);
        JsonNode body = exchange.requireSuccess().json();
        if (body == null) {
            throw new HubCallFailed("the hub's answer is not JSON");
        }
        return body;
    }

    /**
     * One call to the hub with the token: {@code method} on {@code pathAndQuery} (already encoded),
     * with extra headers and an optional JSON body. Any status is returned; only an unreachable hub fails.
     */
    Exchange exchange(String method, String pathAndQuery, Map<String, String> headers, String jsonBody)
            throws HubCallFailed {
        String chosenToken = access.token();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)).timeout(timeout)
                .header("Authorization", "Bearer " + chosenToken);
        headers.forEach(request::header);
        if (jsonBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        }
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build()) {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Exchange(response.statusCode(), response.headers().firstValue("ETag").orElse(null),
                    response.body() == null ? "" : response.body());
        } catch (IOException e) {
            throw new HubCallFailed("cannot reach the hub at " + baseUrl() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubCallFailed("interrupted");
        }
    }

    /** The hub's answer to one call. */
    record Exchange(int status, String etag, String body) {

        /** The body as JSON, or null when it is not JSON. */
        JsonNode json() {
            return parse(body);
        }

        /** This exchange when its status is 2xx (or 304); otherwise the hub's error, as one line for the user. */
        Exchange requireSuccess() throws HubCallFailed {
            if (status / 100 == 2 || status == 304) {
                return this;
            }
            JsonNode error = json();
            String code = error == null ? "" : error.path("code").asString("");
            String message = error == null ? body : error.path("message").asString(body);
            throw new HubCallFailed("the hub answered " + status + (code.isEmpty() ? "" : " " + code) + ": " + message,
                    status, message);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : FrameCodec.DEFAULT.mapper().readTree(body);
        } catch (JacksonException e) {
            // Not JSON (a proxy's error page): the caller reports the raw body instead.
            return null;
        }
    }
}
