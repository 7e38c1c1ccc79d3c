package dev.roadie.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.audio.testing.JsonMessages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A client that reconnects at once after its socket dropped can be back before the node has seen
 * the old socket close: with resuming on, the new socket resumes the session all the same, and the
 * old one is closed.
 */
class ResumeBeforeCloseTest {
    private static final String PASSWORD = "youshallnotpass";
    private final HttpClient http = HttpClient.newHttpClient();
    private AudioNode node;

    @BeforeEach
    void start() {
        node = new AudioNode(new AudioNodeConfig("127.0.0.1", 0, PASSWORD, Duration.ofSeconds(60),
                Duration.ofSeconds(5))).start();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void a_socket_naming_a_session_whose_old_socket_is_still_open_resumes_it_and_the_old_one_is_closed()
            throws Exception {
        LinkedBlockingQueue<JsonNode> first = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> firstClosed = new CompletableFuture<>();
        connect(null, first, firstClosed);
        String sessionId = first.poll(10, TimeUnit.SECONDS).get("sessionId").asString();
        HttpResponse<String> resuming = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port()
                + "/v4/sessions/" + sessionId)).header("Authorization", PASSWORD)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"resuming\":true,\"timeout\":60}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(resuming.statusCode()).isEqualTo(200);

        LinkedBlockingQueue<JsonNode> second = new LinkedBlockingQueue<>();
        connect(sessionId, second, new CompletableFuture<>());

        JsonNode ready = second.poll(10, TimeUnit.SECONDS);
        assertThat(ready.get("resumed").asBoolean()).isTrue();
        assertThat(ready.get("sessionId").asString()).isEqualTo(sessionId);
        assertThat(firstClosed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
    }

    private void connect(String sessionId, LinkedBlockingQueue<JsonNode> messages, CompletableFuture<Integer> closed)
            throws Exception {
        WebSocket.Builder builder = http.newWebSocketBuilder().header("Authorization", PASSWORD)
                .header("User-Id", "42");
        if (sessionId != null) {
            builder.header("Session-Id", sessionId);
        }
        builder.buildAsync(URI.create("ws://127.0.0.1:" + node.port() + "/v4/websocket"), new JsonMessages(messages, closed::complete))
                .get(10, TimeUnit.SECONDS);
    }
}
