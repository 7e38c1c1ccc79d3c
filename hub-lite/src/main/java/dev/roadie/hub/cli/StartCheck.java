package dev.roadie.hub.cli;

import dev.roadie.model.wire.CloseCode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What {@code roadie serve --check} asks of a hub it just started: {@code /api/health} answers,
 * and {@code /ws} takes a WebSocket and refuses a hello without a token with an
 * {@code unauthorized} error and close 4003, as it must. Needs no token, so it works on any
 * deployment's configuration and data. The launcher also uses this run to record the JVM's
 * start-up cache: everything a start and a first connection load is in it.
 */
final class StartCheck {
    private static final Duration BOUND = Duration.ofSeconds(10);

    private final String host;
    private final int port;

    /** {@code host} as configured: a wildcard address is checked through the loopback one. */
    StartCheck(String host, int port) {
        this.host = host.equals("0.0.0.0") || host.equals("::") || host.isBlank() ? "127.0.0.1" : host;
        this.port = port;
    }

    /** Runs the checks; returns what was checked, or throws with what failed. */
    String run() throws CheckFailed, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(BOUND).build()) {
            health(http);
            socket(http);
        }
        return "/api/health answered, and /ws refused a hello without a token as it should";
    }

    private void health(HttpClient http) throws CheckFailed, InterruptedException {
        URI uri = URI.create("http://" + hostForUri() + ":" + port + "/api/health");
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(BOUND).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new CheckFailed(uri + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new CheckFailed(uri + " did not answer: " + e.getMessage());
        }
    }

    private void socket(HttpClient http) throws CheckFailed, InterruptedException {
        URI uri = URI.create("ws://" + hostForUri() + ":" + port + "/ws");
        Refusal listener = new Refusal();
        try {
            WebSocket socket = http.newWebSocketBuilder().connectTimeout(BOUND).buildAsync(uri, listener)
                    .get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            socket.sendText("{\"type\":\"hello\",\"protocol\":1,\"client\":\"roadie serve --check\"}", true);
            int code = listener.closed.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            if (code != CloseCode.UNAUTHORIZED.code() || !listener.text.toString().contains("\"unauthorized\"")) {
                throw new CheckFailed(uri + " answered a hello without a token with close " + code + " and "
                        + listener.text + "; expected an unauthorized error and close " + CloseCode.UNAUTHORIZED.code());
            }
        } catch (ExecutionException e) {
            throw new CheckFailed(uri + " did not take a WebSocket: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new CheckFailed(uri + " did not answer a hello within " + BOUND.toSeconds() + " s");
        }
    }

    private String hostForUri() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** Collects what the hub says to a hello without a token, and its close code. */
    private static final class Refusal implements WebSocket.Listener {
        final StringBuilder text = new StringBuilder();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }

    /** A check that did not pass; the message says which and how. */
    static final class CheckFailed extends Exception {
        CheckFailed(String message) {
            super(message);
        }
    }
}
