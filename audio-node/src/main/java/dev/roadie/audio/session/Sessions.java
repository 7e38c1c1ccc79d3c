package dev.roadie.audio.session;

import com.sedmelluq.discord.lavaplayer.player.AudioPlayerManager;
import com.sedmelluq.discord.lavaplayer.track.AudioItem;
import com.sedmelluq.discord.lavaplayer.track.AudioTrack;
import dev.roadie.audio.LavalinkException;
import dev.roadie.audio.filter.FilterException;
import dev.roadie.audio.filter.Filters;
import dev.roadie.audio.track.TrackCodec;
import dev.roadie.audio.track.TrackJson;
import dev.roadie.audio.track.TrackLoader;
import dev.roadie.audio.voice.VoiceLinks;
import dev.roadie.audio.voice.VoiceState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lavalink's sessions: {@code /v4/websocket} opens one (or resumes one with {@code Session-Id}),
 * and the REST routes under {@code /v4/sessions/{sessionId}} change it and its players.
 */
public final class Sessions {
    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AudioPlayerManager manager;
    private final JsonMapper json;
    private final TrackCodec codec;
    private final TrackJson tracks;
    private final TrackLoader loader;
    private final ScheduledExecutorService timer;
    private final Set<String> disabledFilters;
    private final VoiceLinks voices;

    /**
     * @param disabledFilters filters the configuration turned off: a player update asking for one is refused
     * @param voices          opens a player's voice connection when a player update gives its voice state
     */
    public Sessions(AudioPlayerManager manager, JsonMapper json, TrackCodec codec, TrackJson tracks,
            TrackLoader loader, ScheduledExecutorService timer, Set<String> disabledFilters, VoiceLinks voices) {
        this.disabledFilters = Set.copyOf(disabledFilters);
        this.voices = voices;
        this.manager = manager;
        this.json = json;
        this.codec = codec;
        this.tracks = tracks;
        this.loader = loader;
        this.timer = timer;
    }

    /** The socket's events; the password and {@code User-Id} were checked before the upgrade. */
    public void socket(WsConfig ws) {
        ws.onConnect(this::connected);
        ws.onClose(this::closed);
        ws.onError(ctx -> LOG.info("A Lavalink socket failed: {}", ctx.error() == null ? "?" : ctx.error().toString()));
    }

    private void connected(WsConnectContext ctx) {
        ctx.session.setIdleTimeout(java.time.Duration.ZERO);
        String resumeId = ctx.header("Session-Id");
        Session resumed = resumeId == null ? null : sessions.get(resumeId);
        if (resumed != null && (resumed.isAway() || resumed.resuming())) {
            ctx.attribute("session", resumed);
            resumed.attach(ctx, ready(true, resumed.id()));
            LOG.info("Session {} resumed by {}", resumed.id(), resumed.clientName());
            return;
        }
        Session session = new Session(newId(), ctx.header("User-Id"), clientName(ctx.header("Client-Name")), ctx);
        sessions.put(session.id(), session);
        ctx.attribute("session", session);
        ctx.send(ready(false, session.id()).toString());
        LOG.info("Session {} opened by {}", session.id(), session.clientName());
    }

    /**
     * Whether a socket sending {@code sessionId} as {@code Session-Id} resumes that session: one the
     * client left, or one with resuming on whose old socket is not known to be closed yet (a client
     * that reconnects at once can be back before its dropped socket's close has been seen).
     */
    public boolean resumable(String sessionId) {
        Session session = sessionId == null ? null : sessions.get(sessionId);
        return session != null && (session.isAway() || session.resuming());
    }

    private static String clientName(String header) {
        return header == null ? "an unnamed client" : header;
    }

    private void closed(WsCloseContext ctx) {
        Session session = ctx.attribute("session");
        if (session == null) {
            return;
        }
        boolean kept = session.detach(ctx, away -> timer.schedule(() -> expire(away), away.timeoutSeconds(),
                TimeUnit.SECONDS));
        if (!kept) {
            sessions.remove(session.id());
            session.destroy();
            LOG.info("Session {} closed ({} {}); its players are gone", session.id(), ctx.status(), ctx.reason());
        } else if (session.isAway()) {
            LOG.info("Session {} lost its socket; kept {} s for a resume", session.id(), session.timeoutSeconds());
        }
    }

    private void expire(Session session) {
        if (session.isAway() && sessions.remove(session.id(), session)) {
            session.destroy();
            LOG.info("Session {} was not resumed in time; its players are gone", session.id());
        }
    }

    private ObjectNode ready(boolean resumed, String sessionId) {
        return json.createObjectNode().put("op", "ready").put("resumed", resumed).put("sessionId", sessionId);
    }

    private static String newId() {
        StringBuilder id = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    /** Sends every player's {@code playerUpdate} (those with a track), as Lavalink does each interval. */
    public void sendPlayerUpdates() {
        for (Session session : sessions.values()) {
            for (Player player : session.players()) {
                if (player.playing() != null) {
                    session.send(player.playerUpdate());
                }
            }
        }
    }

    /** Sends {@code stats} to every connected session. */
    public void sendStats(Supplier<ObjectNode> stats) {
        if (sessions.isEmpty()) {
            return;
        }
        ObjectNode message = stats.get();
        message.put("op", "stats");
        sessions.values().forEach(session -> session.send(message));
    }

    public void routes(RoutesConfig routes) {
        routes.patch("/v4/sessions/{sessionId}", this::updateSession);
        routes.get("/v4/sessions/{sessionId}/players", this::listPlayers);
        routes.get("/v4/sessions/{sessionId}/players/{guildId}", this::getPlayer);
        routes.patch("/v4/sessions/{sessionId}/players/{guildId}", this::updatePlayer);
        routes.delete("/v4/sessions/{sessionId}/players/{guildId}", this::deletePlayer);
    }

    private Session session(Context ctx) {
        Session session = sessions.get(ctx.pathParam("sessionId"));
        if (session == null) {
            throw new LavalinkException(404, "Session not found");
        }
        return session;
    }

    private JsonNode body(Context ctx) {
        try {
            JsonNode body = json.readTree(ctx.body());
            if (body == null || !body.isObject()) {
                throw new LavalinkException(400, "The body must be a JSON object");
            }
            return body;
        } catch (JacksonException e) {
            throw new LavalinkException(400, "The body is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private void updateSession(Context ctx) {
        Session session = session(ctx);
        JsonNode body = body(ctx);
        if (body.has("resuming")) {
            session.resuming(body.get("resuming").asBoolean());
        }
        if (body.has("timeout")) {
            long timeout = body.get("timeout").asLong();
            if (timeout < 0) {
                throw new LavalinkException(400, "The timeout must be 0 or more seconds");
            }
            session.timeoutSeconds(timeout);
        }
        respond(ctx, json.createObjectNode().put("resuming", session.resuming())
                .put("timeout", session.timeoutSeconds()));
    }

    private void listPlayers(Context ctx) {
        ArrayNode list = json.createArrayNode();
        session(ctx).players().forEach(player -> list.add(player.toJson()));
        respond(ctx, list);
    }

    private void getPlayer(Context ctx) {
        Player player = session(ctx).player(ctx.pathParam("guildId"));
        if (player == null) {
            throw new LavalinkException(404, "Player not found");
        }
        respond(ctx, player.toJson());
    }

    private void deletePlayer(Context ctx) {
        Player player = session(ctx).removePlayer(ctx.pathParam("guildId"));
        if (player != null) {
            player.destroy();
        }
        ctx.status(204);
    }

    private void updatePlayer(Context ctx) {
        Session session = session(ctx);
        JsonNode body = body(ctx);
        TrackChoice choice = TrackChoice.of(body);
        int volume = -1;
        if (body.has("volume")) {
            volume = body.get("volume").asInt();
            if (volume < 0 || volume > 1000) {
                throw new LavalinkException(400, "Volume must be between 0 and 1000");
            }
        }
        Filters filters = body.has("filters") ? filters(body.get("filters")) : null;
        AudioTrack next = choice.given() && !choice.stops() ? track(choice) : null;
        String guildId = ctx.pathParam("guildId");
        Player player = session.playerOrCreate(guildId, id -> new Player(id, manager.createPlayer(), json, tracks,
                loader, session::send));
        if (body.has("voice") && body.get("voice").isObject()) {
            player.voice((ObjectNode) body.get("voice"));
            connectVoice(session, player, guildId, body.get("voice"));
        }
        if (filters != null) {
            player.filters(filters);
        }
        if (volume >= 0) {
            player.volume(volume);
        }
        if (body.has("paused")) {
            player.paused(body.get("paused").asBoolean());
        }
        Long endTime = body.has("endTime") && !body.get("endTime").isNull() ? body.get("endTime").asLong() : null;
        boolean noReplace = "true".equals(ctx.queryParam("noReplace"));
        if (choice.stops()) {
            player.stop();
        } else if (next != null) {
            if (body.has("position")) {
                next.setPosition(body.get("position").asLong());
            }
            player.play(next, noReplace, endTime);
        } else {
            if (body.has("position")) {
                player.seek(body.get("position").asLong());
            }
            AudioTrack playing = player.playing();
            if (endTime != null && playing != null) {
                player.endAt(playing, endTime);
            }
        }
        respond(ctx, player.toJson());
    }

    /** A new, complete voice state gets a new connection; the same one again keeps the one there is. */
    private void connectVoice(Session session, Player player, String guildId, JsonNode voice) {
        VoiceState state;
        try {
            state = VoiceState.of(voice);
            if (state != null && !state.equals(player.voiceState())) {
                player.voiceLink(voices.open(guildId, session.userId(), state, player::isPlaying, player::pullFrame,
                        session::send));
            }
        } catch (IllegalArgumentException e) {
            throw new LavalinkException(400, e.getMessage(), e);
        }
    }

    private Filters filters(JsonNode given) {
        try {
            return Filters.parse(given, disabledFilters);
        } catch (FilterException e) {
            throw new LavalinkException(400, e.getMessage(), e);
        }
    }

    private AudioTrack track(TrackChoice choice) {
        AudioTrack track;
        if (choice.encoded() != null) {
            try {
                track = codec.decode(choice.encoded());
            } catch (IllegalArgumentException e) {
                throw new LavalinkException(400, e.getMessage(), e);
            }
        } else {
            AudioItem item = manager.loadItemSync(choice.identifier());
            if (!(item instanceof AudioTrack loaded)) {
                throw new LavalinkException(400, "The identifier " + choice.identifier()
                        + " did not load a single track: " + (item == null ? "nothing matched" : "a playlist"));
            }
            track = loaded;
        }
        if (choice.userData() != null) {
            track.setUserData(choice.userData());
        }
        return track;
    }

    private void respond(Context ctx, JsonNode body) {
        ctx.contentType("application/json").result(body.toString());
    }

    /** What a player update says of the track: Lavalink's {@code track} object or the older fields. */
    private record TrackChoice(boolean given, String encoded, String identifier, JsonNode userData) {
        static TrackChoice of(JsonNode body) {
            boolean legacy = body.has("encodedTrack") || body.has("identifier");
            if (body.has("track")) {
                if (legacy) {
                    throw new LavalinkException(400,
                            "Cannot specify both track and encodedTrack/identifier");
                }
                JsonNode track = body.get("track");
                if (track.has("encoded") && track.has("identifier")) {
                    throw new LavalinkException(400, "Cannot specify both track.encoded and track.identifier");
                }
                JsonNode userData = track.get("userData");
                if (track.has("encoded")) {
                    return new TrackChoice(true, text(track.get("encoded")), null, userData);
                }
                if (track.has("identifier")) {
                    return new TrackChoice(true, null, text(track.get("identifier")), userData);
                }
                return new TrackChoice(false, null, null, userData);
            }
            if (body.has("encodedTrack") && body.has("identifier")) {
                throw new LavalinkException(400, "Cannot specify both encodedTrack and identifier");
            }
            if (body.has("encodedTrack")) {
                return new TrackChoice(true, text(body.get("encodedTrack")), null, null);
            }
            if (body.has("identifier")) {
                return new TrackChoice(true, null, text(body.get("identifier")), null);
            }
            return new TrackChoice(false, null, null, null);
        }

        private static String text(JsonNode node) {
            return node == null || node.isNull() ? null : node.asString();
        }

        boolean stops() {
            return given && encoded == null && identifier == null;
        }
    }

    public List<Player> players() {
        return sessions.values().stream().flatMap(session -> session.players().stream()).toList();
    }
}
