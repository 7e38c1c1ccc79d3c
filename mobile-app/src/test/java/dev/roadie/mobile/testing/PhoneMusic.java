package dev.roadie.mobile.testing;

import dev.roadie.companion.testing.ArtServer;
import dev.roadie.cli.demo.DemoBot;
import dev.roadie.client.RoadieClient;
import dev.roadie.client.testing.Clients;
import dev.roadie.client.testing.LiveHub;
import dev.roadie.hub.testing.Http;
import dev.roadie.model.music.PlayerCommand;
import dev.roadie.model.music.PlayerEvent;
import dev.roadie.model.music.Track;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.FrameCodec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Everything the phone talks to, for real: a hub on a free port searching a fixture Deezer (with
 * covers from an {@link ArtServer}) and reading YouTube links through a fixture oEmbed, the
 * stand-in bot ({@code roadie demo-bot}) in guilds 1 and 2, and the owner, who makes invites.
 * The phone itself pairs like a user's: through an invite.
 */
public final class PhoneMusic implements AutoCloseable {
    public static final Address BOT = Address.service("music-bot", "demo");
    /** A YouTube link whose oEmbed the fixture answers. */
    public static final String VIDEO = "https://www.youtube.com/watch?v=oh0001";
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
    public final Clients clients = new Clients();
    public final LiveHub hub;
    public final DemoBot bot;
    private final Http owner;
    private final String admin;

    public PhoneMusic(Path data) {
        art.json("/deezer/search", this::deezerAnswer);
        art.json("/oembed/youtube", query -> FrameCodec.DEFAULT.mapper().writeValueAsString(Map.of(
                "title", "Harbour Lights - Origami Heart (Official Video)", "author_name", "HarbourLightsVEVO",
                "type", "video", "provider_name", "YouTube", "thumbnail_url", art.url(200))));
        hub = LiveHub.start(data, Map.of("search.enabled", "deezer,links",
                "search.deezer.baseUrl", art.base() + "/deezer",
                "search.links.youtubeOembed", art.base() + "/oembed/youtube",
                "search.links.allowedAddresses", "127.0.0.1"));
        RoadieClient botClient = clients.connect(hub, "demo", "music-bot", "send:*", "publish:player.*", "subscribe:*",
                "announce:music-bot", "registry", "search");
        bot = DemoBot.start(botClient, new DemoBot.Settings("demo", List.of("1", "2"), InstantSource.system(),
                new Random(7), Duration.ofMillis(500)));
        owner = new Http("http://127.0.0.1:" + hub.port());
        admin = hub.token("owner", "admin", "admin");
    }

    /** The hub's address as the phone is given it. */
    public String address() {
        return "http://127.0.0.1:" + hub.port();
    }

    /** A fresh invite for a phone: {@code roadie://pair?hub=...&code=...}, as the owner hands it over. */
    public String invite() {
        Http.Response answer = owner.post("/api/pair/invites", admin, "{\"kind\": \"mobile\"}");
        if (answer.status() != 201) {
            throw new IllegalStateException("the hub refused an invite: " + answer);
        }
        return FrameCodec.DEFAULT.mapper().readTree(answer.body()).path("link").asString();
    }

    /** Another companion, to ask the bot what it holds. */
    public RoadieClient companion() {
        return clients.connect(hub, "bob", "desktop", "send:music-bot", "subscribe:player.*");
    }

    /** The bot's player in {@code guild}, asked by another companion: the proof, not the phone's screen. */
    public PlayerEvent.QueueSnapshot player(RoadieClient companion, String guild) {
        return companion.requestBlocking(BOT, PlayerCommand.SUBJECT, new PlayerCommand.ShowQueue(guild), Clients.WAIT)
                .as(PlayerEvent.QueueSnapshot.class);
    }

    /** What plays and what is queued in {@code guild}, by title, playing first. */
    public List<String> titles(RoadieClient companion, String guild) {
        PlayerEvent.QueueSnapshot player = player(companion, guild);
        Track playing = player.nowPlaying() == null ? null : player.nowPlaying().track();
        return Stream.concat(Stream.ofNullable(playing), player.queue().stream()).map(Track::title).toList();
    }

    private String deezerAnswer(String rawQuery) {
        String q = "";
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith("q=")) {
                q = URLDecoder.decode(pair.substring(2), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            }
        }
        List<String> words = Arrays.stream(q.split("\\s+")).filter(w -> !w.isBlank()).toList();
        List<Map<String, Object>> tracks = new ArrayList<>();
        for (int i = 0; i < CATALOGUE.length; i++) {
            String[] t = CATALOGUE[i];
            String all = (t[0] + " " + t[1] + " " + t[2]).toLowerCase(Locale.ROOT);
            if (words.isEmpty() || !words.stream().allMatch(all::contains)) {
                continue;
            }
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
        bot.close();
        clients.close();
        hub.close();
        art.close();
    }
}
