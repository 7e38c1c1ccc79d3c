package dev.roadie.nekto.discord;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bot's connection to Discord's main gateway (v10, JSON): identify, heartbeats, the
 * dispatches nektobot needs (READY, GUILD_CREATE's voice states, VOICE_STATE_UPDATE,
 * VOICE_SERVER_UPDATE, INTERACTION_CREATE) and joining or leaving a voice channel (op 4). Not
 * resumed: a dropped connection is reported and the bot stops (first slice).
 */
public final class MainGateway implements AutoCloseable {

    /** GUILDS (1 << 0) for the guilds and their voice states at start, GUILD_VOICE_STATES (1 << 7). */
    static final int INTENTS = 1 | 1 << 7;

    private static final Logger LOG = LoggerFactory.getLogger(MainGateway.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GatewayEvents events;
    private final String botToken;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("main-gateway-heartbeat").factory());
    private volatile WebSocket socket;
    private volatile long sequence = -1;

    private MainGateway(String botToken, GatewayEvents events) {
        this.botToken = botToken;
        this.events = events;
    }

    /** Connects to {@code url} (for Discord, {@code wss://gateway.discord.gg}) and identifies. */
    public static MainGateway connect(URI url, String botToken, GatewayEvents events) {
        MainGateway gateway = new MainGateway(botToken, events);
        URI withVersion = URI.create(url.toString().replaceAll("/+$", "") + "/?v=10&encoding=json");
        gateway.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(withVersion, gateway.new Receiver()).join();
        return gateway;
    }

    /** Joins {@code channelId} in the guild (0 leaves voice): Discord answers with VOICE_STATE and VOICE_SERVER updates. */
    public void voiceChannel(long guildId, long channelId) {
        ObjectNode d = JSON.createObjectNode().put("guild_id", Long.toString(guildId))
                .put("self_mute", false).put("self_deaf", false);
        if (channelId == 0) {
            d.putNull("channel_id");
        } else {
            d.put("channel_id", Long.toString(channelId));
        }
        send(4, d);
    }

    private void send(int op, JsonNode d) {
        ObjectNode payload = JSON.createObjectNode().put("op", op);
        payload.set("d", d);
        synchronized (this) {
            socket.sendText(JSON.writeValueAsString(payload), true).join();
        }
    }

    private void onMessage(JsonNode message) {
        if (message.hasNonNull("s")) {
            sequence = message.path("s").asLong();
        }
        switch (message.path("op").asInt(-1)) {
            case 10 -> hello(message.path("d").path("heartbeat_interval").asLong(41_250));
            case 1 -> heartbeat();
            case 0 -> dispatch(message.path("t").asString(), message.path("d"));
            case 7, 9 -> LOG.warn("the main gateway asked to reconnect (op {}); this first slice does not resume",
                    message.path("op").asInt());
            default -> { } // 11, heartbeat ACK: nothing to do
        }
    }

    private void hello(long intervalMillis) {
        heartbeats.scheduleAtFixedRate(this::heartbeat, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        ObjectNode identify = JSON.createObjectNode().put("token", botToken).put("intents", INTENTS);
        identify.putObject("properties").put("os", "linux").put("browser", "roadie-nektobot").put("device", "roadie-nektobot");
        send(2, identify);
    }

    private void heartbeat() {
        long last = sequence;
        send(1, last < 0 ? JSON.nullNode() : JSON.getNodeFactory().numberNode(last));
    }

    private void dispatch(String type, JsonNode d) {
        switch (type) {
            case "READY" -> events.ready(d.path("user").path("id").asLong());
            case "GUILD_CREATE" -> {
                long guild = d.path("id").asLong();
                for (JsonNode state : d.path("voice_states")) {
                    events.voiceState(guild, state.path("user_id").asLong(), state.path("channel_id").asLong(0),
                            state.path("session_id").asString(""));
                }
            }
            case "VOICE_STATE_UPDATE" -> events.voiceState(d.path("guild_id").asLong(), d.path("user_id").asLong(),
                    d.path("channel_id").asLong(0), d.path("session_id").asString(""));
            case "VOICE_SERVER_UPDATE" -> events.voiceServer(d.path("guild_id").asLong(),
                    d.path("endpoint").asString(""), d.path("token").asString(""));
            case "INTERACTION_CREATE" -> {
                // Type 2 is an application command; buttons and the rest are not nektobot's.
                if (d.path("type").asInt() == 2) {
                    events.command(new Command(d.path("data").path("name").asString(), d.path("id").asString(),
                            d.path("token").asString(), d.path("guild_id").asLong(), d.path("channel_id").asLong(),
                            d.path("member").path("user").path("id").asLong()));
                }
            }
            default -> { } // other dispatches are not nektobot's
        }
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
        WebSocket open = socket;
        if (open != null) {
            open.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> {
                LOG.debug("closing the main gateway: {}", e.getMessage());
                return null;
            });
        }
    }

    /** Collects text frames (a message may come in parts) and hands each whole one over in order. */
    private final class Receiver implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            // HELLO can arrive before buildAsync's future completes: the socket is known from here.
            socket = webSocket;
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    onMessage(JSON.readTree(text));
                } catch (RuntimeException e) {
                    LOG.error("handling a main gateway message failed: {}", text, e);
                }
            }
            webSocket.request(1);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            LOG.warn("the main gateway closed the connection ({} {})", statusCode, reason);
            heartbeats.shutdownNow();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            LOG.error("the main gateway connection failed", error);
        }
    }
}
