package dev.roadie.hub.cli;

import dev.roadie.hub.pairing.PairedDevice;
import dev.roadie.hub.store.Database;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code roadie pair revoke TOKEN_ID}: revokes a paired device's token. A running hub refuses it
 * and ends the device's open connections within seconds.
 */
@Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a paired device by its token id.")
final class PairRevokeCommand extends PairSubcommand {
    @Parameters(paramLabel = "TOKEN_ID", description = "The device's token id, as roadie pair list shows it.")
    private String tokenId;

    @Override
    int run() {
        try (Database db = openExisting()) {
            Optional<PairedDevice> revoked = pairing(db).revoke(tokenId, actor());
            if (revoked.isEmpty()) {
                return fail("No paired device has the token id '" + tokenId + "'; roadie pair list shows them.");
            }
            PairedDevice device = revoked.get();
            out().println("Revoked " + device.kind() + " '" + device.deviceName() + "' (token " + device.tokenId()
                    + "). A running hub refuses it and closes its connections within seconds.");
            out().flush();
            return 0;
        }
    }
}
