package dev.roadie.hub.cli;

import dev.roadie.hub.pairing.Pairing;
import dev.roadie.hub.pairing.PairingDecidedException;
import dev.roadie.hub.pairing.UnknownPairingException;
import dev.roadie.hub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code roadie pair deny CODE}: refuses a device's request; its next poll hears access_denied. */
@Command(name = "deny", mixinStandardHelpOptions = true, description = "Deny a device's pairing request.")
final class PairDenyCommand extends PairSubcommand {
    @Parameters(paramLabel = "CODE", description = "The code the device shows (BCDF-GHJK), or the request's id.")
    private String code;

    @Override
    int run() {
        try (Database db = openExisting()) {
            Pairing denied = pairing(db).deny(code, actor());
            out().println("Denied " + denied.kind() + " '" + denied.deviceName() + "' (request " + denied.id() + ").");
            out().flush();
            return 0;
        } catch (UnknownPairingException | PairingDecidedException e) {
            return fail(e.getMessage());
        }
    }
}
