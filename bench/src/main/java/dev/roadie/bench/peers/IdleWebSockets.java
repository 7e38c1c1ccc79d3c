package dev.roadie.bench.peers;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Idle WebSocket connections through the JDK's HTTP client (one selector thread for all of
 * them), each answering its system's heartbeat: the Roadie protocol's ping, Engine.IO's ping
 * ("2" answered "3"), or WebSocket ping frames (answered by the JDK itself).
 */
final class IdleWebSockets implements IdleConnections {
    /** Connections per loopback source address: well inside the 28,000 ephemeral ports of one address pair. */
    static final int PER_SOURCE = 5_000;
    private static final int IN_FLIGHT = 200;
    private static final Pattern PING_TS = Pattern.compile("\"type\":\"ping\",\"ts\":(\\d+)");

    private final IntFunction<URI> uri;
    private final Protocol protocol;
    private final ExecutorService executor = Executors.newFixedThreadPool(2,
            Thread.ofPlatform().name("bench-idle-", 0).daemon().factory());
    private final List<HttpClient> clients = new ArrayList<>();
    private final List<WebSocket> sockets = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger opened = new AtomicInteger();

    /** What a connection says and answers. */
    private interface Protocol {
        /** Called when the socket is open; completes when the connection counts as established. */
        void opened(Connection connection, int index);

        /** Called with each whole text message. */
        void text(Connection connection, String text);
    }

    private IdleWebSockets(IntFunction<URI> uri, Protocol protocol) {
        this.uri = uri;
        this.protocol = protocol;
    }

    /** Roadie: a hello as {@code idle/i-N} with the admin token, pongs to the hub's pings. */
    static IdleWebSockets roadie(URI hub, String token) {
        return new IdleWebSockets(index -> hub, new Protocol() {
            @Override
            public void opened(Connection connection, int index) {
                connection.send("{\"type\":\"hello\",\"token\":\"" + token + "\",\"kind\":\"idle\",\"name\":\"i-" + index
                        + "\",\"protocol\":1,\"client\":\"roadie-bench-idle/0.1\"}");
            }

            @Override
            public void text(Connection connection, String text) {
                if (text.startsWith("{\"type\":\"welcome\"")) {
                    connection.established.complete(null);
                    return;
                }
                Matcher ping = PING_TS.matcher(text);
                if (ping.find()) {
                    connection.send("{\"type\":\"pong\",\"ts\":" + ping.group(1) + "}");
                }
            }
        });
    }

    /** Engine.IO 4 under Socket.IO: connect the main namespace ("40"), answer pings ("2") with pongs ("3"). */
    static IdleWebSockets socketIo(int port) {
        return new IdleWebSockets(index -> URI.create("ws://127.0.0.1:" + port
                + "/socket.io/?EIO=4&transport=websocket&name=idle-" + index), new Protocol() {
                    @Override
                    public void opened(Connection connection, int index) {
                        // The server speaks first ("0{...}", the Engine.IO handshake).
                    }

                    @Override
                    public void text(Connection connection, String text) {
                        if (text.startsWith("0{")) {
                            connection.send("40");
                        } else if (text.startsWith("40")) {
                            connection.established.complete(null);
                        } else if (text.equals("2")) {
                            connection.send("3");
                        }
                    }
                });
    }

    /** A plain WebSocket, open once upgraded; {@code named} adds {@code ?name=idle-N} (the ws relay's). */
    static IdleWebSockets plain(URI server, boolean named) {
        return new IdleWebSockets(index -> named ? URI.create(server + "?name=idle-" + index) : server, new Protocol() {
            @Override
            public void opened(Connection connection, int index) {
                connection.established.complete(null);
            }

            @Override
            public void text(Connection connection, String text) {
                // Nothing comes unasked.
            }
        });
    }

    @Override
    public void open(int count) throws Exception {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = opened.getAndIncrement();
            HttpClient client = client(index / PER_SOURCE);
            inFlight.acquire();
            Connection connection = new Connection(index);
            CompletableFuture<Void> done = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(uri.apply(index), connection)
                    .thenCompose(socket -> {
                        sockets.add(socket);
                        return connection.established;
                    })
                    .orTimeout(60, TimeUnit.SECONDS)
                    .whenComplete((ok, failure) -> inFlight.release());
            all.add(done);
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
    }

    private synchronized HttpClient client(int source) throws UnknownHostException {
        while (clients.size() <= source) {
            // 127.0.0.1, .2, ...: loopback answers on all of 127/8, and each source address has its own ports.
            InetAddress local = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (clients.size() + 1)});
            clients.add(HttpClient.newBuilder().executor(executor).localAddress(local).build());
        }
        return clients.get(source);
    }

    @Override
    public int open() {
        return sockets.size();
    }

    @Override
    public void close() {
        List<WebSocket> all;
        synchronized (sockets) {
            all = List.copyOf(sockets);
            sockets.clear();
        }
        all.forEach(WebSocket::abort);
        clients.forEach(HttpClient::shutdownNow);
        executor.shutdownNow();
    }

    /** One connection's listener; sends one frame at a time, as the JDK's WebSocket requires. */
    private final class Connection implements WebSocket.Listener {
        final CompletableFuture<Void> established = new CompletableFuture<>();
        private final int index;
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;
        private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

        Connection(int index) {
            this.index = index;
        }

        synchronized void send(String text) {
            sending = sending.thenCompose(previous -> socket.sendText(text, true));
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            webSocket.request(1);
            protocol.opened(this, index);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                protocol.text(this, text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            established.completeExceptionally(new IllegalStateException("closed by the server: " + statusCode + " " + reason));
            sockets.remove(webSocket);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            established.completeExceptionally(error);
            sockets.remove(webSocket);
        }
    }
}
