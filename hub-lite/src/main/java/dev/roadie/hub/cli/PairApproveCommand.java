package dev.roadie.hub.cli;

import dev.roadie.hub.pairing.Pairing;
import dev.roadie.hub.pairing.PairingDecidedException;
import dev.roadie.hub.pairing.UnknownPairingException;
import dev.roadie.hub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code roadie pair approve CODE}: approves a device's request, with its kind's preset scopes or fewer. */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "Approve a device's pairing request; its next poll gets its token.")
final class PairApproveCommand extends PairSubcommand {
    @Parameters(paramLabel = "CODE", description = "The code the device shows (BCDF-GHJK), or the request's id.")
    private String code;

    @Mixin
    private NarrowingOptions narrowing;

    @Override
    int run() {
        try (Database db = openExisting()) {
            Pairing approved = pairing(db).approve(code, narrowing.narrowing(), actor());
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
