package dev.roadie.hub.cli;

import dev.roadie.hub.auth.TokenInfo;
import dev.roadie.hub.auth.TokenService;
import dev.roadie.hub.store.Database;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code roadie token revoke ID_OR_NAME}: revokes a token by id, or by name when exactly one
 * active token has it. A running hub stops accepting it within seconds.
 */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Revoke a token by id, or by name when one active token has that name.")
final class TokenRevokeCommand extends TokenSubcommand {
    @Parameters(paramLabel = "ID_OR_NAME", description = "The token's id, or its name.")
    private String idOrName;

    @Override
    int run() {
        try (Database db = openExisting()) {
            Optional<TokenInfo> revoked;
            try {
                revoked = new TokenService(db, clock).revoke(idOrName);
            } catch (IllegalArgumentException e) {
                return fail(e.getMessage());
            }
            if (revoked.isEmpty()) {
                return fail("No token has the id '" + idOrName + "', and no active token has that name.");
            }
            TokenInfo token = revoked.get();
            audit(db, "token.revoke", "id=" + token.id() + " name=" + token.name() + " kind=" + token.kind());
            out().println("Revoked token " + token.id() + " (name " + token.name() + ", kind " + token.kind()
                    + ") at " + token.revokedAt() + ".");
            out().flush();
            return 0;
        }
    }
}
