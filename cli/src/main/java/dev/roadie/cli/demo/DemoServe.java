package dev.roadie.cli.demo;

import dev.roadie.client.ClientOptions;
import dev.roadie.client.RoadieClient;
import dev.roadie.hub.Hub;
import dev.roadie.hub.auth.IssuedToken;
import dev.roadie.hub.auth.ScopePresets;
import dev.roadie.hub.cli.DemoMode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * {@code roadie serve --demo}: the bundled music service for the hub's Deezer provider (the only
 * provider installed, so that nothing reaches the network) and a demo bot in the same process,
 * connected to the hub over its own socket with a token made for this run and revoked at the end.
 */
public final class DemoServe implements DemoMode {
    /** The name the bot announces. */
    public static final String BOT_NAME = "demo";
    /** The guilds the bot plays in. */
    public static final List<String> GUILDS = List.of("1", "2");

    private DemoMusicService music;

    @Override
    public Map<String, String> prepare() {
        music = DemoMusicService.start();
        return Map.of("search.enabled", "deezer", "search.deezer.baseUrl", music.deezerBaseUrl());
    }

    @Override
    public AutoCloseable start(Hub hub, PrintWriter out) {
        IssuedToken token = hub.context().tokens().create(BOT_NAME, DemoBot.KIND, ScopePresets.forKind(DemoBot.KIND));
        RoadieClient client = RoadieClient.create(ClientOptions.builder()
                .hub("ws://" + loopback(hub.context().config().host()) + ":" + hub.port() + "/ws")
                .token(token.token()).clientName("roadie-demo-bot").build());
        DemoBot bot;
        try {
            bot = DemoBot.start(client, new DemoBot.Settings(BOT_NAME, GUILDS));
        } catch (RuntimeException e) {
            client.close();
            hub.context().tokens().revoke(token.info().id());
            throw e;
        }
        out.println("Demo: music-bot/" + BOT_NAME + " plays (silently) in guilds " + String.join(", ", GUILDS)
                + "; search finds bundled music only (try 'harbour lights', or * for all " + music.songs().size()
                + " tracks).");
        return () -> {
            bot.close();
            client.close();
            music.close();
            hub.context().tokens().revoke(token.info().id());
        };
    }

    /** Where this process reaches the hub: its own address, or loopback when it listens on every address. */
    private static String loopback(String host) {
        if (host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::") || host.equals("localhost")) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
