package dev.roadie.audio;

import com.sedmelluq.discord.lavaplayer.player.DefaultAudioPlayerManager;
import com.sedmelluq.discord.lavaplayer.source.AudioSourceManager;
import com.sedmelluq.discord.lavaplayer.source.AudioSourceManagers;
import com.sedmelluq.discord.lavaplayer.tools.PlayerLibrary;
import com.sedmelluq.discord.lavaplayer.track.AudioTrack;
import com.sedmelluq.lava.extensions.youtuberotator.planner.AbstractRoutePlanner;
import dev.roadie.audio.filter.Filters;
import dev.roadie.audio.plugin.SourcePlugins;
import dev.roadie.audio.routeplanner.RoutePlannerHealth;
import dev.roadie.audio.routeplanner.RoutePlannerRoutes;
import dev.roadie.audio.routeplanner.RoutePlanners;
import dev.roadie.audio.routeplanner.RoutedSources;
import dev.roadie.audio.session.Sessions;
import dev.roadie.audio.track.TrackCodec;
import dev.roadie.audio.track.TrackJson;
import dev.roadie.audio.track.TrackLoader;
import dev.roadie.audio.voice.FrameCounter;
import dev.roadie.audio.voice.VoiceLinks;
import dev.roadie.node.health.RoutePlannerStatus;
import dev.roadie.node.hub.NodeInfo;
import dev.roadie.voice.gateway.GatewayOptions;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The audio node: Lavalink v4's REST API and socket over lavaplayer, so that Lavalink clients use
 * it as a Lavalink. What differs from Lavalink is in docs/AUDIO-NODE.md.
 */
public final class AudioNode implements AutoCloseable {
    /** The Lavalink version this node answers as: clients check the major version. */
    static final String LAVALINK_VERSION = "4.0.8";

    private final AudioNodeConfig config;
    private final JsonMapper json = JsonMapper.builder().build();
    private final DefaultAudioPlayerManager manager = new DefaultAudioPlayerManager();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "audio-node-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final TrackCodec codec = new TrackCodec(manager);
    private final TrackJson tracks = new TrackJson(json, codec);
    private final TrackLoader loader = new TrackLoader(manager, json, tracks);
    private final Sessions sessions;
    private final FrameCounter frames = new FrameCounter();
    private final VoiceLinks voices;
    private final FramePump pump;
    private final NodeStats stats;
    private final AtomicLong lastStats = new AtomicLong(System.currentTimeMillis());
    private final Optional<AbstractRoutePlanner> routePlanner;
    private final SourcePlugins plugins;
    private final Javalin server;

    public AudioNode(AudioNodeConfig config) {
        this(config, List.of());
    }

    /**
     * @param extraSources source managers besides the built-in ones, placed as plugins' are (a
     *                     {@code youtube} one first, the others before HTTP)
     */
    public AudioNode(AudioNodeConfig config, List<AudioSourceManager> extraSources) {
        this(config, extraSources, GatewayOptions.DEFAULTS);
    }

    /** @param voiceGateway how players' voice connections reconnect before they give up */
    public AudioNode(AudioNodeConfig config, List<AudioSourceManager> extraSources, GatewayOptions voiceGateway) {
        this(config, SourcePlugins.of(extraSources), voiceGateway);
    }

    /**
     * @param plugins the plugins folder's source managers (docs/AUDIO-NODE.md#plugins); the node
     *                closes them when it closes
     */
    public AudioNode(AudioNodeConfig config, SourcePlugins plugins, GatewayOptions voiceGateway) {
        this.config = config;
        this.routePlanner = RoutePlanners.create(config.routePlanner());
        this.plugins = plugins;
        this.voices = new VoiceLinks(frames, voiceGateway, json);
        this.sessions = new Sessions(manager, json, codec, tracks, loader, timer, config.audio().disabledFilters(),
                voices);
        this.pump = new FramePump(sessions, frames);
        this.stats = new NodeStats(json, sessions);
        AudioManagerSettings.apply(config.audio(), manager);
        // Lavalink's order: YouTube, the built-in sources, the plugins' others, and HTTP last, since it takes any URL.
        SourcePlugins.Arranged fromPlugins = plugins.arrange(config.audio().disabledSources());
        fromPlugins.beforeBuiltIns().forEach(manager::registerSourceManager);
        RoutedSources.registerRemote(manager, routePlanner, AudioManagerSettings.excludedRemoteSources(config.audio()));
        if (!config.audio().disabledSources().contains("local")) {
            AudioSourceManagers.registerLocalSource(manager);
        }
        fromPlugins.beforeHttp().forEach(manager::registerSourceManager);
        if (!config.audio().disabledSources().contains("http")) {
            manager.registerSourceManager(RoutedSources.http(routePlanner, config.routePlanner().retryLimit()));
        }
        this.server = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.jetty.host = config.host();
            javalin.jetty.port = config.port();
            routes(javalin.routes);
        });
    }

    private void routes(RoutesConfig routes) {
        // Lavalink checks the password on every request and on the socket's upgrade: 401, no body.
        routes.before(this::checkPassword);
        routes.wsBeforeUpgrade("/v4/websocket", ctx -> {
            checkPassword(ctx);
            if (ctx.header("User-Id") == null) {
                throw new LavalinkException(400, "The User-Id header is missing: send the bot's user id");
            }
            // Lavalink's upgrade answer says which API it speaks and whether the session resumes.
            ctx.header("Lavalink-Api-Version", "4");
            ctx.header("Session-Resumed", Boolean.toString(sessions.resumable(ctx.header("Session-Id"))));
        });
        routes.exception(LavalinkException.class, (e, ctx) -> ErrorResponses.lavalink(e, ctx, json));
        routes.exception(Exception.class, (e, ctx) -> ErrorResponses.unexpected(e, ctx, json));
        routes.get("/version", ctx -> ctx.result(LAVALINK_VERSION));
        routes.get("/v4/info", ctx -> respond(ctx, info()));
        routes.get("/v4/stats", ctx -> respond(ctx, stats.now(null)));
        routes.get("/v4/loadtracks", ctx -> respond(ctx, loader.load(required(ctx, "identifier"))));
        routes.get("/v4/decodetrack", ctx -> respond(ctx, tracks.of(decode(required(ctx, "encodedTrack")))));
        routes.post("/v4/decodetracks", decodeTracks());
        new RoutePlannerRoutes(routePlanner, json).register(routes);
        sessions.routes(routes);
        routes.ws("/v4/websocket", sessions::socket);
    }

    private void checkPassword(Context ctx) {
        if (!config.password().equals(ctx.header("Authorization"))) {
            ctx.skipRemainingHandlers();
            throw new io.javalin.http.UnauthorizedResponse();
        }
    }

    private static String required(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) {
            throw new LavalinkException(400, "Required parameter '" + name + "' is not present");
        }
        return value;
    }

    private AudioTrack decode(String encoded) {
        try {
            return codec.decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new LavalinkException(400, e.getMessage(), e);
        }
    }

    private Handler decodeTracks() {
        return ctx -> {
            JsonNode body;
            try {
                body = json.readTree(ctx.body());
            } catch (JacksonException e) {
                throw new LavalinkException(400, "The body is not valid JSON: " + e.getOriginalMessage(), e);
            }
            if (body == null || !body.isArray()) {
                throw new LavalinkException(400, "The body must be a JSON array of encoded tracks");
            }
            ArrayNode decoded = json.createArrayNode();
            for (JsonNode encoded : body) {
                decoded.add(tracks.of(decode(encoded.asString())));
            }
            respond(ctx, decoded);
        };
    }

    private ObjectNode info() {
        ObjectNode info = json.createObjectNode();
        String[] parts = LAVALINK_VERSION.split("\\.");
        info.putObject("version").put("semver", LAVALINK_VERSION).put("major", Integer.parseInt(parts[0]))
                .put("minor", Integer.parseInt(parts[1])).put("patch", Integer.parseInt(parts[2]))
                .putNull("preRelease").putNull("build");
        info.put("buildTime", 0);
        info.putObject("git").put("branch", "roadie").put("commit", "unknown").put("commitTime", 0);
        info.put("jvm", System.getProperty("java.version"));
        info.put("lavaplayer", PlayerLibrary.VERSION);
        ArrayNode sources = info.putArray("sourceManagers");
        manager.getSourceManagers().forEach(source -> sources.add(source.getSourceName()));
        ArrayNode filters = info.putArray("filters");
        Filters.available(config.audio().disabledFilters()).forEach(filters::add);
        ArrayNode loaded = info.putArray("plugins");
        plugins.plugins().forEach(plugin -> loaded.addObject().put("name", plugin.name()).put("version", plugin.version()));
        return info;
    }

    private static void respond(Context ctx, JsonNode body) {
        ctx.contentType("application/json").result(body.toString());
    }

    public AudioNode start() {
        server.start();
        timer.scheduleAtFixedRate(pump, FramePump.FRAME_MS, FramePump.FRAME_MS, TimeUnit.MILLISECONDS);
        long updates = config.playerUpdateInterval().toMillis();
        timer.scheduleAtFixedRate(sessions::sendPlayerUpdates, updates, updates, TimeUnit.MILLISECONDS);
        long statsEvery = config.statsInterval().toMillis();
        timer.scheduleAtFixedRate(this::sendStats, statsEvery, statsEvery, TimeUnit.MILLISECONDS);
        return this;
    }

    private void sendStats() {
        long now = System.currentTimeMillis();
        FrameCounter.Counts counts = frames.take(now - lastStats.getAndSet(now));
        sessions.sendStats(() -> stats.now(counts));
    }

    public int port() {
        return server.port();
    }

    /** What the node announces about itself to the hub: the Lavalink version it speaks, its sources and filters. */
    public NodeInfo selfInfo() {
        List<String> sources = manager.getSourceManagers().stream().map(AudioSourceManager::getSourceName).toList();
        return new NodeInfo(LAVALINK_VERSION, sources, List.of(), plugins.plugins());
    }

    /** Its load for the hub, from its players directly (no call to its own /v4/stats). */
    public dev.roadie.model.registry.NodeStats selfStats() {
        return stats.figures();
    }

    /** The route planner's state for the health checks, or null when there is no planner. */
    public RoutePlannerStatus routePlannerHealth() {
        return routePlanner.map(RoutePlannerHealth::of).orElse(null);
    }

    /**
     * The route planner, for source plug-ins that set it up in their own HTTP clients (YouTube's
     * does, given Lavalink's planner); empty without one.
     */
    public Optional<AbstractRoutePlanner> routePlanner() {
        return routePlanner;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        voices.closeAll();
        server.stop();
        manager.shutdown();
        plugins.close();
    }
}
