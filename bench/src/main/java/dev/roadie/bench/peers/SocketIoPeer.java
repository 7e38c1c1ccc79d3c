package dev.roadie.bench.peers;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.WebSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * A Socket.IO client (the Java one, which speaks to Socket.IO 4 servers): events with
 * acknowledgements, over the WebSocket transport only.
 */
final class SocketIoPeer extends PeerBase {
    /**
     * One HTTP client for every connection, as an application with many sockets sets it up.
     * OkHttp keeps each WebSocket's reader on a call of its dispatcher, whose default limits
     * (64 calls, 5 per host) would stall the 65th connection of the load generator.
     */
    private static final OkHttpClient HTTP = http();

    private static OkHttpClient http() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(100_000);
        dispatcher.setMaxRequestsPerHost(100_000);
        return new OkHttpClient.Builder().dispatcher(dispatcher).readTimeout(0, TimeUnit.MILLISECONDS).build();
    }

    private final Socket socket;

    SocketIoPeer(URI server, String name) throws Exception {
        IO.Options options = IO.Options.builder().setForceNew(true).setReconnection(false)
                .setTransports(new String[] {WebSocket.NAME}).setQuery("name=" + name).build();
        options.callFactory = HTTP;
        options.webSocketFactory = HTTP;
        socket = IO.socket(server, options);
        CompletableFuture<Void> connected = new CompletableFuture<>();
        socket.on(Socket.EVENT_CONNECT, args -> connected.complete(null));
        socket.on(Socket.EVENT_CONNECT_ERROR, args -> connected.completeExceptionally(
                new IllegalStateException("Socket.IO refused " + name + ": " + (args.length > 0 ? args[0] : "?"))));
        socket.on("message", args -> onMessage.accept(((JSONObject) args[0]).optString("data")));
        socket.connect();
        connected.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void onRequest(UnaryOperator<String> handler) {
        socket.on("request", args -> {
            Ack ack = (Ack) args[args.length - 1];
            ack.call(handler.apply(String.valueOf(args[0])));
        });
    }

    @Override
    public void join(String group) throws Exception {
        CompletableFuture<Void> joined = new CompletableFuture<>();
        socket.emit("join", group, (Ack) args -> joined.complete(null));
        joined.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void send(String name, String payload) {
        emit("send", object("to", name, "data", payload));
    }

    @Override
    public void publish(String group, String payload) {
        emit("publish", object("group", group, "data", payload));
    }

    private void emit(String event, JSONObject body) {
        try {
            socket.emit(event, body);
        } catch (RuntimeException e) {
            failures.increment();
        }
    }

    @Override
    public CompletableFuture<String> request(String name, String payload, Duration timeout) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        JSONObject body = object("to", name, "data", payload);
        put(body, "timeoutMs", timeout.toMillis());
        socket.emit("request", new Object[] {body}, args -> {
            JSONObject reply = (JSONObject) args[0];
            if (reply.optBoolean("ok")) {
                answer.complete(reply.optString("data"));
            } else {
                answer.completeExceptionally(new IllegalStateException("request failed: " + reply.optString("error")));
            }
        });
        return answer.orTimeout(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletableFuture<Integer> gather(String group, int expected, String payload, Duration timeout) {
        CompletableFuture<Integer> answers = new CompletableFuture<>();
        JSONObject body = object("group", group, "data", payload);
        put(body, "timeoutMs", timeout.toMillis());
        socket.emit("gather", new Object[] {body}, args -> {
            JSONObject reply = (JSONObject) args[0];
            JSONArray all = reply.optJSONArray("answers");
            if (reply.optBoolean("ok") && all != null) {
                answers.complete(all.length());
            } else {
                answers.completeExceptionally(new IllegalStateException("gather failed: " + reply.optString("error")));
            }
        });
        return answers.orTimeout(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    }

    private static JSONObject object(String k1, String v1, String k2, String v2) {
        JSONObject object = new JSONObject();
        put(object, k1, v1);
        put(object, k2, v2);
        return object;
    }

    private static void put(JSONObject object, String key, Object value) {
        try {
            object.put(key, value);
        } catch (JSONException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
