package dev.roadie.hub.cli;

import dev.roadie.hub.pairing.Narrowing;
import dev.roadie.hub.pairing.Pairing;
import dev.roadie.hub.pairing.PairingDecidedException;
import dev.roadie.hub.pairing.UnknownPairingException;
import dev.roadie.hub.store.Database;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code roadie pair approve CODE}: approves a device's request, with its kind's preset scopes or fewer. */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "Approve a device's pairing request; its next poll gets its token.")
final class PairApproveCommand extends PairSubcommand {
    @Parameters(paramLabel = "CODE", description = "The code the device shows (BCDF-GHJK), or the request's id.")
    private String code;

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

    @Override
    int run() {
        try (Database db = openExisting()) {
            Pairing approved = pairing(db).approve(code, new Narrowing(scopes, guilds, bots), actor());
            out().println("Approved " + approved.kind() + " '" + approved.deviceName() + "' (request " + approved.id()
                    + ") with the scopes " + String.join(" ", approved.scopes()) + ". Its next poll gets its token.");
            out().flush();
            return 0;
        } catch (UnknownPairingException | PairingDecidedException e) {
            return fail(e.getMessage());
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
    }
}
