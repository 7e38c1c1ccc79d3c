package dev.roadie.cli.client;

import dev.roadie.cli.demo.DemoBot;
import dev.roadie.client.ClientOptions;
import dev.roadie.client.DisconnectCause;
import dev.roadie.client.RoadieClient;
import dev.roadie.client.RoadieException;
import dev.roadie.model.wire.ErrorCode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code roadie demo-bot}: a stand-in music bot without audio ({@link DemoBot}), so that the web
 * page and the companions can be tried with no Discord bot. Runs until stopped; connection
 * events go to stderr.
 */
@Command(name = "demo-bot", mixinStandardHelpOptions = true,
        description = {"Run a stand-in music bot that plays nothing: it keeps a queue per guild, answers every player"
                + " command and publishes player events, with tracks found through the hub's search.",
            "Needs a music-bot token (roadie token create --kind music-bot --name demo). Runs until stopped (Ctrl+C)."})
public final class DemoBotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HubAccess hub;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "demo",
            description = "The name the bot announces, as music-bot/NAME (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--guilds", paramLabel = "ID", split = ",", defaultValue = "1",
            description = "The Discord guild ids the bot plays in, comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> guilds;

    private final UntilStopped running = new UntilStopped("roadie-demo-bot-stop");

    /** Ends a running bot, as Ctrl+C does; for tests and embedding. */
    public void stop() {
        running.stop();
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DemoBot.Settings settings;
        try {
            settings = new DemoBot.Settings(name, guilds.stream().map(String::strip).toList());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--guilds: " + e.getMessage());
        }
        ClientOptions.Builder options = ClientOptions.builder().token(hub.token()).clientName("roadie-demo-bot")
                .listener(new StderrConnectionListener(err, reason -> {
                    // Refused for good (bad token, replaced): the bot would answer nobody, ever.
                    err.println("roadie demo-bot: " + (reason.cause() == DisconnectCause.REFUSED
                            ? "the hub refused the bot: " : "the bot stopped: ") + reason.message());
                    running.fail();
                }, true));
        hub.hubs().forEach(options::hub);
        ClientOptions built;
        try {
            built = options.build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try (RoadieClient client = RoadieClient.create(built);
                DemoBot bot = DemoBot.start(client, settings)) {
            out.println("music-bot/" + bot.name() + " is ready in guild" + (bot.guilds().size() == 1 ? " " : "s ")
                    + String.join(", ", bot.guilds()) + " (no audio); stop it with Ctrl+C");
            out.flush();
            return running.await();
        } catch (RoadieException e) {
            err.println("roadie demo-bot: the bot could not announce itself: " + e.getMessage()
                    + (e.code() == ErrorCode.FORBIDDEN ? " (give it a token of the music-bot kind: roadie token create"
                            + " --kind music-bot --name " + name + ")" : ""));
            return 1;
        }
    }
}
