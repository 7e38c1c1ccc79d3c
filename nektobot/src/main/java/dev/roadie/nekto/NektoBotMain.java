package dev.roadie.nekto;

import dev.roadie.nekto.discord.DiscordRest;
import dev.roadie.nekto.node.NodeSide;
import dev.roadie.nekto.roulette.selfhosted.RouletteServer;
import dev.roadie.nekto.roulette.selfhosted.SelfHostedRoulette;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs nektobot against Discord, configured by environment variables (docs/NEKTOBOT.md,
 * "Setting it up"): the bot token, where the Node side is, and either a roulette server to use
 * or where to start the self-hosted one.
 */
public final class NektoBotMain {

    private NektoBotMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> env = System.getenv();
        String token = env.get("DISCORD_TOKEN");
        if (token == null || token.isBlank()) {
            System.err.println("nektobot needs DISCORD_TOKEN: the bot token from your application's Bot page "
                    + "(https://discord.com/developers/applications)");
            System.exit(2);
        }
        NodeSide node = new NodeSide(Path.of(env.getOrDefault("NEKTO_NODE_DIR", "nektobot/src/main/node")));
        RouletteServer ownRoulette = null;
        URI roulette;
        if (env.containsKey("NEKTO_ROULETTE_URL")) {
            roulette = URI.create(env.get("NEKTO_ROULETTE_URL"));
        } else {
            ownRoulette = RouletteServer.start(node, env.getOrDefault("NEKTO_ROULETTE_HOST", "127.0.0.1"),
                    Integer.parseInt(env.getOrDefault("NEKTO_ROULETTE_PORT", "9000")));
            roulette = ownRoulette.address();
            System.out.println("The self-hosted roulette is at " + roulette);
        }
        NektoBot bot = NektoBot.start(URI.create(env.getOrDefault("NEKTO_GATEWAY_URL", "wss://gateway.discord.gg")),
                DiscordRest.DISCORD, token, listener -> SelfHostedRoulette.connect(node, roulette, listener));
        RouletteServer started = ownRoulette;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bot.close();
            if (started != null) {
                started.close();
            }
            stopped.countDown();
        }));
        // A refused token or intents will not get better by retrying: say what to fix and stop.
        bot.ended().thenAccept(why -> {
            System.err.println("nektobot stopped: " + why);
            System.exit(1);
        });
        System.out.println("nektobot is running; Ctrl-C stops it.");
        stopped.await();
    }
}
