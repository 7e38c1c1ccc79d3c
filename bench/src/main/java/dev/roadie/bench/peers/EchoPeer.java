package dev.roadie.bench.peers;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Java-WebSocket client of the echo server. What it sends comes back to itself, whatever the
 * address: the scenarios count it as delivered, which is the one hop a relay also makes.
 */
final class EchoPeer extends PeerBase {
    private static final Logger log = LoggerFactory.getLogger(EchoPeer.class);
    private final Socket socket;
    private final AtomicReference<CompletableFuture<String>> pending = new AtomicReference<>();

    EchoPeer(URI server) throws InterruptedException {
        socket = new Socket(server);
        if (!socket.connectBlocking(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("could not connect to the echo server at " + server);
        }
    }

    private final class Socket extends WebSocketClient {
        Socket(URI uri) {
            super(uri);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            // The echo server needs no introduction.
        }

        @Override
        public void onMessage(String text) {
            CompletableFuture<String> request = pending.getAndSet(null);
            if (request != null) {
                request.complete(text);
            } else {
                onMessage.accept(text);
            }
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            log.debug("echo link closed ({} {})", code, reason);
        }

        @Override
        public void onError(Exception e) {
            log.warn("echo link failed: {}", e.toString());
        }
    }

    @Override
    public void onRequest(UnaryOperator<String> handler) {
        // The echo server answers by itself.
    }

    @Override
    public void join(String group) {
        throw new UnsupportedOperationException("the echo server has no groups");
    }

    @Override
    public void send(String name, String payload) {
        try {
            socket.send(payload);
        } catch (RuntimeException e) {
            failures.increment();
        }
    }

    @Override
    public void publish(String group, String payload) {
        throw new UnsupportedOperationException("the echo server has no groups");
    }

    /** One request at a time: the echo is the answer. */
    @Override
    public CompletableFuture<String> request(String name, String payload, Duration timeout) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        if (!pending.compareAndSet(null, answer)) {
            throw new IllegalStateException("the echo peer asks one request at a time");
        }
        socket.send(payload);
        return answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletableFuture<Integer> gather(String group, int expected, String payload, Duration timeout) {
        throw new UnsupportedOperationException("the echo server has no gather");
    }

    @Override
    public void close() {
        try {
            socket.closeBlocking();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
