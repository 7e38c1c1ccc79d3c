package dev.roadie.hub.cli;

import dev.roadie.hub.auth.TokenInfo;
import dev.roadie.hub.auth.TokenService;
import dev.roadie.hub.store.Database;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code roadie token list}: a table of every token, without secrets, which are not stored anyway. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the tokens, active and revoked.")
final class TokenListCommand extends TokenSubcommand {
    private static final String NEVER = "-";

    @Override
    int run() {
        List<TokenInfo> tokens;
        try (Database db = openExisting()) {
            tokens = new TokenService(db, clock).list();
        }
        if (tokens.isEmpty()) {
            out().println("No tokens.");
            out().flush();
            return 0;
        }
        TextTable table = new TextTable(List.of("ID", "NAME", "KIND", "SCOPES", "CREATED", "LAST USED", "REVOKED"));
        for (TokenInfo token : tokens) {
            table.add(List.of(token.id(), token.name(), token.kind(),
                    token.scopes().isEmpty() ? "(none)" : String.join(" ", token.scopes()),
                    time(token.createdAt()), time(token.lastUsedAt()), time(token.revokedAt())));
        }
        out().print(table.render());
        out().flush();
        return 0;
    }

    private static String time(Instant at) {
        return at == null ? NEVER : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
