package dev.roadie.hub.cli;

import dev.roadie.hub.pairing.Narrowing;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What {@code pair approve} and {@code pair invite} may take away from a device's preset scopes. */
final class NarrowingOptions {
    @Option(names = "--scope", paramLabel = "SCOPE",
            description = "A scope to grant, repeatable; at most the kind's preset, which is the default.")
    private List<String> scopes = new ArrayList<>();

    @Option(names = "--guild", paramLabel = "ID",
            description = "Follow only this guild's player, repeatable (default: every guild).")
    private List<String> guilds = new ArrayList<>();

    @Option(names = "--bot", paramLabel = "NAME",
            description = "Send only to this music bot, by its name (music-bot/NAME), repeatable (default: every music"
                    + " bot, and one the hub picks).")
    private List<String> bots = new ArrayList<>();

    Narrowing narrowing() {
        return new Narrowing(scopes, guilds, bots);
    }
}
