package dev.roadie.hub.cli;

import dev.roadie.hub.pairing.PairedDevice;
import dev.roadie.hub.store.Database;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code roadie pair revoke TOKEN_ID}: revokes a paired device's token. As with {@code roadie
 * token revoke}, a running hub refuses it within seconds; a connection already open ends when
 * revoked through the page or the REST API.
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
                    + "). A running hub refuses it within 5 s; to close its open connection at once, revoke it on"
                    + " the web page or with DELETE /api/pair/devices/" + device.tokenId() + ".");
            out().flush();
            return 0;
        }
    }
}
