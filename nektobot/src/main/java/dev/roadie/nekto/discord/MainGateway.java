package dev.roadie.nekto.discord;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bot's connection to Discord's main gateway (v10, JSON): identify, heartbeats, the
 * dispatches nektobot needs (READY, GUILD_CREATE's voice states, VOICE_STATE_UPDATE,
 * VOICE_SERVER_UPDATE, INTERACTION_CREATE) and joining or leaving a voice channel (op 4).
 *
 * <p>A lost connection is taken up again as Discord's gateway docs say: a missed heartbeat ACK,
 * op 7, op 9 (resumable), a dropped socket or a resumable close code resume the session (op 6 at
 * READY's {@code resume_gateway_url}, Discord replaying what was missed); op 9 (not resumable) and
 * close codes 4007/4009 identify anew after a short random wait; 4004 and 4010–4014 end the
 * gateway with a message saying what to fix ({@link GatewayEvents#ended}). Attempts that follow
 * failed ones wait longer each time.
 */
public final class MainGateway implements AutoCloseable {

    /** GUILDS (1 << 0) for the guilds and their voice states at start, GUILD_VOICE_STATES (1 << 7). */
    static final int INTENTS = 1 | 1 << 7;

    /** A code of our own when the bot closes to resume: 1000 and 1001 would end the session. */
    private static final int CLOSE_TO_RESUME = 4900;

    private static final Logger LOG = LoggerFactory.getLogger(MainGateway.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * How long to wait between attempts: the first retry after a failed attempt, doubling up to
     * {@code maxRetry}, and the longest random wait before identifying again after op 9 (not
     * resumable; Discord says 1 to 5 s, the shortest wait is a fifth of it).
     */
    public record Timing(Duration firstRetry, Duration maxRetry, Duration identifyWaitMax) {
        public static final Timing DISCORD = new Timing(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(5));
    }

    private enum Next { RESUME, IDENTIFY }

    private final URI gatewayUrl;
    private final String botToken;
    private final GatewayEvents events;
    private final Timing timing;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("main-gateway").factory());
    // Guarded by this: which connection is current (a later one makes earlier callbacks stale), and the session.
    private int generation;
    private WebSocket socket;
    private ScheduledFuture<?> heartbeat;
    private boolean ackPending;
    private String sessionId;
    private URI resumeUrl;
    private long sequence = -1;
    private int failedAttempts;
    private boolean closed;

    private MainGateway(URI gatewayUrl, String botToken, GatewayEvents events, Timing timing) {
        this.gatewayUrl = gatewayUrl;
        this.botToken = botToken;
        this.events = events;
        this.timing = timing;
    }

    /** Connects to {@code url} (for Discord, {@code wss://gateway.discord.gg}) and identifies. */
    public static MainGateway connect(URI url, String botToken, GatewayEvents events) {
        return connect(url, botToken, events, Timing.DISCORD);
    }

    /** As {@link #connect(URI, String, GatewayEvents)}, waiting as {@code timing} says between attempts. */
    public static MainGateway connect(URI url, String botToken, GatewayEvents events, Timing timing) {
        MainGateway gateway = new MainGateway(url, botToken, events, timing);
        int first;
        synchronized (gateway) {
            first = ++gateway.generation;
        }
        // The first connection is awaited so that a wrong URL shows at once; later ones are retried.
        WebSocket opened = gateway.http.newWebSocketBuilder()
                .buildAsync(withVersion(url), gateway.new Receiver(first)).join();
        synchronized (gateway) {
            if (gateway.generation == first && gateway.socket == null) {
                gateway.socket = opened;
            }
        }
        return gateway;
    }

    private static URI withVersion(URI url) {
        return URI.create(url.toString().replaceAll("\\?.*$", "").replaceAll("/+$", "") + "/?v=10&encoding=json");
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

    private synchronized void send(int op, JsonNode d) {
        ObjectNode payload = JSON.createObjectNode().put("op", op);
        payload.set("d", d);
        if (socket == null) {
            LOG.warn("op {} not sent: the main gateway is reconnecting", op);
            return;
        }
        try {
            // One send at a time: the JDK's WebSocket refuses a send while another is under way.
            socket.sendText(JSON.writeValueAsString(payload), true).join();
        } catch (RuntimeException e) {
            // The receiver hears of the broken connection too and reconnects; this op is lost.
            LOG.warn("op {} not sent to the main gateway: {}", op, e.getMessage());
        }
    }

    private void onMessage(JsonNode message) {
        synchronized (this) {
            if (message.hasNonNull("s")) {
                sequence = message.path("s").asLong();
            }
        }
        switch (message.path("op").asInt(-1)) {
            case 10 -> hello(message.path("d").path("heartbeat_interval").asLong(41_250));
            case 11 -> {
                synchronized (this) {
                    ackPending = false;
                }
            }
            case 1 -> sendHeartbeat();
            case 0 -> dispatch(message.path("t").asString(), message.path("d"));
            case 7 -> reconnect(currentGeneration(), "Discord asked to reconnect (op 7)", Next.RESUME);
            case 9 -> reconnect(currentGeneration(), "Discord invalidated the session (op 9, resumable: "
                    + message.path("d").asBoolean() + ")", message.path("d").asBoolean() ? Next.RESUME : Next.IDENTIFY);
            default -> { } // other opcodes are not sent to bots
        }
    }

    private synchronized int currentGeneration() {
        return generation;
    }

    private void hello(long intervalMillis) {
        boolean resume;
        synchronized (this) {
            ackPending = false;
            int current = generation;
            // Discord's docs: the first heartbeat after interval × a random jitter, so that bots do not beat in step.
            long first = (long) (intervalMillis * ThreadLocalRandom.current().nextDouble());
            heartbeat = scheduler.scheduleAtFixedRate(() -> beat(current), first, intervalMillis, TimeUnit.MILLISECONDS);
            resume = sessionId != null;
        }
        if (resume) {
            ObjectNode d = JSON.createObjectNode().put("token", botToken);
            synchronized (this) {
                d.put("session_id", sessionId).put("seq", sequence);
            }
            send(6, d);
        } else {
            ObjectNode identify = JSON.createObjectNode().put("token", botToken).put("intents", INTENTS);
            identify.putObject("properties").put("os", "linux").put("browser", "roadie-nektobot").put("device", "roadie-nektobot");
            send(2, identify);
        }
    }

    private void beat(int forGeneration) {
        boolean missed;
        synchronized (this) {
            if (forGeneration != generation) {
                return;
            }
            missed = ackPending;
            ackPending = true;
        }
        if (missed) {
            // A connection that no longer acknowledges is a zombie: Discord's docs say close it and resume.
            reconnect(forGeneration, "no heartbeat ACK since the last heartbeat", Next.RESUME);
        } else {
            sendHeartbeat();
        }
    }

    private void sendHeartbeat() {
        long last;
        synchronized (this) {
            last = sequence;
        }
        send(1, last < 0 ? JSON.nullNode() : JSON.getNodeFactory().numberNode(last));
    }

    private void dispatch(String type, JsonNode d) {
        switch (type) {
            case "READY" -> {
                synchronized (this) {
                    sessionId = d.path("session_id").asString(null);
                    String resume = d.path("resume_gateway_url").asString("");
                    resumeUrl = resume.isEmpty() ? null : URI.create(resume);
                    failedAttempts = 0;
                }
                events.ready(d.path("user").path("id").asLong());
            }
            case "RESUMED" -> {
                synchronized (this) {
                    failedAttempts = 0;
                }
                LOG.info("resumed the main gateway session");
            }
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

    /**
     * Leaves connection {@code fromGeneration} (unless a later one has taken over, or the gateway
     * is closed) and opens the next after the backoff: at {@code resume_gateway_url} to resume, at
     * the gateway URL with a new session otherwise.
     */
    private void reconnect(int fromGeneration, String why, Next next) {
        WebSocket old;
        long delayMillis;
        URI url;
        int attempt;
        boolean resume;
        synchronized (this) {
            if (closed || fromGeneration != generation) {
                return;
            }
            attempt = ++generation;
            old = socket;
            socket = null;
            stopHeartbeat();
            if (next == Next.IDENTIFY || sessionId == null) {
                sessionId = null;
                sequence = -1;
            }
            resume = sessionId != null;
            url = resume && resumeUrl != null ? resumeUrl : gatewayUrl;
            delayMillis = backoffMillis(failedAttempts++);
            if (next == Next.IDENTIFY) {
                long most = timing.identifyWaitMax().toMillis();
                delayMillis = Math.max(delayMillis, ThreadLocalRandom.current().nextLong(most / 5, most + 1));
            }
        }
        LOG.warn("{}: {} in {} ms", why, resume ? "resuming" : "identifying again", delayMillis);
        if (old != null) {
            old.sendClose(CLOSE_TO_RESUME, "reconnecting").whenComplete((ignored, error) -> old.abort());
        }
        scheduler.schedule(() -> open(attempt, url), delayMillis, TimeUnit.MILLISECONDS);
    }

    private long backoffMillis(int failed) {
        if (failed == 0) {
            return 0;
        }
        long first = timing.firstRetry().toMillis();
        return Math.min(timing.maxRetry().toMillis(), first << Math.min(failed - 1, 20));
    }

    private void open(int attempt, URI url) {
        synchronized (this) {
            if (closed || attempt != generation) {
                return;
            }
        }
        http.newWebSocketBuilder().buildAsync(withVersion(url), new Receiver(attempt)).whenComplete((opened, error) -> {
            if (error != null) {
                reconnect(attempt, "could not connect to the main gateway at " + url + " (" + error.getMessage() + ")",
                        Next.RESUME);
            }
        });
    }

    private void stopHeartbeat() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
            heartbeat = null;
        }
    }

    private void closedByDiscord(int fromGeneration, int code, String reason) {
        String fatal = switch (code) {
            case 4004 -> "Discord refused the bot token (close 4004, authentication failed): set DISCORD_TOKEN to the token on your application's Bot page";
            case 4010 -> "Discord refused the shard (close 4010, invalid shard): nektobot runs unsharded, check NEKTO_GATEWAY_URL points at Discord's gateway";
            case 4011 -> "Discord requires sharding (close 4011): the bot is in too many guilds for one connection, which nektobot does not support";
            case 4012 -> "Discord refused the API version (close 4012): NEKTO_GATEWAY_URL must be a gateway speaking v10, such as wss://gateway.discord.gg";
            case 4013 -> "Discord refused the intents (close 4013, invalid intents " + INTENTS + "): nektobot asks for GUILDS and GUILD_VOICE_STATES only; report this as a bug";
            case 4014 -> "Discord refused the intents (close 4014, disallowed intents): allow GUILDS and GUILD_VOICE_STATES for the application on its Bot page";
            default -> null;
        };
        if (fatal != null) {
            synchronized (this) {
                if (closed || fromGeneration != generation) {
                    return;
                }
                closed = true;
                socket = null;
                stopHeartbeat();
            }
            scheduler.shutdownNow();
            LOG.error(fatal);
            events.ended(fatal);
            return;
        }
        // 4007 (invalid seq) and 4009 (session timed out) need a new session; the rest may resume.
        Next next = code == 4007 || code == 4009 ? Next.IDENTIFY : Next.RESUME;
        reconnect(fromGeneration, "the main gateway closed the connection (" + code + " " + reason + ")", next);
    }

    @Override
    public void close() {
        WebSocket open;
        synchronized (this) {
            closed = true;
            generation++;
            stopHeartbeat();
            open = socket;
            socket = null;
        }
        scheduler.shutdownNow();
        if (open != null) {
            open.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> {
                LOG.debug("closing the main gateway: {}", e.getMessage());
                return null;
            });
        }
    }

    /** One connection's messages, in order (a message may come in parts); stale once a later connection is opened. */
    private final class Receiver implements WebSocket.Listener {
        private final int connection;
        private final StringBuilder partial = new StringBuilder();

        Receiver(int connection) {
            this.connection = connection;
        }

        private boolean current() {
            synchronized (MainGateway.this) {
                return connection == generation && !closed;
            }
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            // HELLO can arrive before buildAsync's future completes: the socket is known from here.
            synchronized (MainGateway.this) {
                if (connection != generation || closed) {
                    webSocket.abort();
                    return;
                }
                socket = webSocket;
            }
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (!current()) {
                return null;
            }
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
            closedByDiscord(connection, statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            reconnect(connection, "the main gateway connection failed (" + error + ")", Next.RESUME);
        }
    }
}
