package dev.roadie.audio.testing;

import java.net.http.WebSocket;
import java.util.Queue;
import java.util.concurrent.CompletionStage;
import java.util.function.IntConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Collects a Lavalink socket's messages into a queue, each parsed once its last fragment arrived,
 * and tells the close code when the node closes the socket.
 */
public final class JsonMessages implements WebSocket.Listener {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Queue<JsonNode> into;
    private final IntConsumer closed;
    private final StringBuilder text = new StringBuilder();

    public JsonMessages(Queue<JsonNode> into) {
        this(into, code -> { });
    }

    public JsonMessages(Queue<JsonNode> into, IntConsumer closed) {
        this.into = into;
        this.closed = closed;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            into.add(JSON.readTree(text.toString()));
            text.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.accept(statusCode);
        return null;
    }
}
