package dev.roadie.desktop.testing;

import dev.roadie.companion.testing.ArtServer;
import dev.roadie.cli.demo.DemoBot;
import dev.roadie.client.RoadieClient;
import dev.roadie.client.testing.Clients;
import dev.roadie.client.testing.LiveHub;
import dev.roadie.companion.hub.SdkMusicHub;
import dev.roadie.hub.testing.FakeMusicService;
import dev.roadie.model.music.PlayerCommand;
import dev.roadie.model.music.PlayerEvent;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.FrameCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Everything the desktop app talks to, for real: a hub on a free port searching a fixture
 * Deezer (with covers from an {@link ArtServer}), the stand-in bot ({@code roadie demo-bot})
 * in guilds 1 and 2, and the app's own connection with a desktop token's preset scopes.
 */
public final class LiveMusic implements AutoCloseable {
    public static final Address BOT = Address.service("music-bot", "demo");
    /** The title of every YouTube link, as the fixture oEmbed answers. */
    public static final String LINKED_TITLE = "Paper Boats (Live at the Harbour)";
    /** title, artist, album, seconds. */
    private static final String[][] CATALOGUE = {
        {"Paper Boats", "Harbour Lights", "Low Tide", "202"},
        {"Paper Moon Parade", "The Lanterns", "Carnival", "245"},
        {"Paperweight", "Juniper Road", "Still Life", "188"},
        {"Paper Planes Over Lisbon", "Marisol", "Atlântico", "231"},
        {"Origami Heart", "Harbour Lights", "Low Tide", "197"},
        {"Folded Maps", "North Window", "Cartography", "264"},
        {"Paper Thin Walls", "Velvet Static", "Rooms", "219"},
        {"Tissue & Ink", "Les Étoiles", "Nuit", "176"},
    };

    public final ArtServer art = new ArtServer();
    public final FakeMusicService deezer = new FakeMusicService();
    public final Clients clients = new Clients();
    private final Path data;
    public LiveHub hub;
    public DemoBot bot;
    public SdkMusicHub desktop;

    public LiveMusic(Path data) {
        this(data, List.of("1", "2"));
    }

    /** With the stand-in bot in {@code guilds} (telling two hubs apart). */
    public LiveMusic(Path data, List<String> guilds) {
        this.data = data;
        deezer.answer("/deezer/search", new FakeMusicService.Answer(200, "application/json", deezerAnswer()));
        // YouTube's oEmbed, for links pasted or dropped (https://www.youtube.com/watch?v=...).
        deezer.answer("/youtube/oembed", new FakeMusicService.Answer(200, "application/json",
                FrameCodec.DEFAULT.mapper().writeValueAsString(Map.of("title", LINKED_TITLE,
                        "author_name", "Harbour Lights", "thumbnail_url", art.url(200), "type", "video"))));
        hub = LiveHub.start(data, Map.of("search.enabled", "deezer,links", "search.deezer.baseUrl", deezer.url("/deezer"),
                "search.links.youtubeOembed", deezer.url("/youtube/oembed"),
                "search.links.allowedAddresses", "127.0.0.1"));
        RoadieClient botClient = clients.connect(hub, "demo", "music-bot", "send:*", "publish:player.*", "subscribe:*",
                "announce:music-bot", "registry", "search");
        bot = DemoBot.start(botClient, new DemoBot.Settings("demo", guilds, InstantSource.system(),
                new Random(7), Duration.ofMillis(500)));
        // The desktop kind's preset scopes, as pairing gives them (docs/PAIRING.md).
        desktop = new SdkMusicHub(Clients.options(hub, hub.token("alice-laptop", "desktop", "send:music-bot",
                "subscribe:player.*", "registry", "search")).clientName("desktop"));
    }

    /** The hub's address as a person types it when pairing. */
    public String address() {
        return "http://127.0.0.1:" + hub.port();
    }

    /** A token as pairing gives the desktop app (docs/PAIRING.md). */
    public String desktopToken(String name) {
        return hub.token(name, "desktop", "send:music-bot", "subscribe:player.*", "registry", "search");
    }

    public Path data() {
        return data;
    }

    /** Another companion (the web page, a phone) that sends commands of its own. */
    public RoadieClient companion() {
        return clients.connect(hub, "bob", "desktop", "send:music-bot", "subscribe:player.*");
    }

    /** The bot's queue of {@code guild}, asked by another companion. */
    public PlayerEvent.QueueSnapshot queueOf(RoadieClient companion, String guild) {
        return companion.requestBlocking(BOT, PlayerCommand.SUBJECT, new PlayerCommand.ShowQueue(guild), Clients.WAIT)
                .as(PlayerEvent.QueueSnapshot.class);
    }

    private String deezerAnswer() {
        List<Map<String, Object>> tracks = new ArrayList<>();
        for (int i = 0; i < CATALOGUE.length; i++) {
            String[] t = CATALOGUE[i];
            Map<String, Object> track = new LinkedHashMap<>();
            track.put("id", 9100 + i);
            track.put("readable", true);
            track.put("title", t[0]);
            track.put("link", "https://www.deezer.com/track/" + (9100 + i));
            track.put("duration", Integer.parseInt(t[3]));
            track.put("rank", 500_000 - i * 1000);
            track.put("artist", Map.of("id", 70 + i, "name", t[1]));
            track.put("album", Map.of("id", 80 + i, "title", t[2], "cover_medium", art.url(i * 45)));
            track.put("type", "track");
            tracks.add(track);
        }
        return FrameCodec.DEFAULT.mapper().writeValueAsString(Map.of("data", tracks, "total", tracks.size()));
    }

    @Override
    public void close() {
        desktop.close();
        bot.close();
        clients.close();
        hub.close();
        deezer.close();
        art.close();
    }
}
