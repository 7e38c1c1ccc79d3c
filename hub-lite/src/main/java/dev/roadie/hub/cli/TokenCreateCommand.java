package dev.roadie.hub.cli;

import dev.roadie.hub.auth.IssuedToken;
import dev.roadie.hub.auth.ScopePresets;
import dev.roadie.hub.auth.Scopes;
import dev.roadie.hub.auth.TokenInfo;
import dev.roadie.hub.auth.TokenService;
import dev.roadie.hub.store.Database;
import dev.roadie.model.wire.Names;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code roadie token create}: creates a token and prints it once, alone on the last line so
 * that scripts can take it with {@code tail -1}.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create a token. It is shown once, on the last line of the output.",
            "Without --scope the kind's preset scopes are granted; other kinds get none."})
final class TokenCreateCommand extends TokenSubcommand {
    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Who or what the token is for.")
    private String name;

    @Option(names = "--kind", required = true, paramLabel = "KIND",
            description = "The kind of client: music-bot, audio-node, node-agent, desktop, mobile, web,"
                    + " extension, admin, ...")
    private String kind;

    @Option(names = "--scope", paramLabel = "SCOPE", split = ",",
            description = "A scope to grant (repeat, or separate with commas), such as send:music-bot,"
                    + " subscribe:player.* or announce:audio-node/ams-*.")
    private List<String> scopes = new ArrayList<>();

    @Option(names = "--create", description = "Create the data folder if it does not exist (with the admin token,"
            + " as a first roadie serve would). Without it a missing folder is refused, so that a typo in --data"
            + " does not start a new, empty database.")
    private boolean create;

    @Override
    int run() {
        boolean preset = scopes.isEmpty();
        List<String> granted = preset ? ScopePresets.forKind(kind) : scopes;
        try {
            // Checked before the data folder is touched, so that a typo creates nothing.
            Names.requireName(name, "--name");
            Names.requireName(kind, "--kind");
            Scopes.parse(granted);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        Path folder = folder();
        if (!create && !Files.exists(folder)) {
            return fail("There is no data folder " + folder + ". Start the hub once with 'roadie serve' (it makes"
                    + " the folder and an admin token), give the hub's folder with --data or "
                    + DataFolderOption.ENVIRONMENT_VARIABLE + ", or add --create to make it here.");
        }
        try (Database db = open()) {
            TokenService tokens = new TokenService(db, clock);
            PrintWriter out = out();
            // The hub makes an admin token when it finds no token at all; a database that starts
            // here would otherwise never get one, and nothing would say so.
            tokens.ensureAdminToken(folder).ifPresent(path -> out.println("No tokens yet: also created the admin"
                    + " token (name admin, kind admin); it is in " + path + " (owner only, keep it secret)."));
            List<TokenInfo> sameIdentity = tokens.activeWithIdentity(kind, name);
            IssuedToken issued = tokens.create(name, kind, granted);
            TokenInfo info = issued.info();
            audit(db, "token.create", "id=" + info.id() + " name=" + info.name() + " kind=" + info.kind()
                    + " scopes=" + String.join(" ", info.scopes()));
            out.println("Created token " + info.id() + " in " + db.dataDir());
            out.println("  name:   " + info.name());
            out.println("  kind:   " + info.kind());
            out.println("  scopes: " + describeScopes(info.scopes(), preset));
            if (!sameIdentity.isEmpty()) {
                // Allowed, to replace a token before revoking it; said, because used side by side they collide.
                out.println("Note: the active token" + (sameIdentity.size() == 1 ? " " : "s ")
                        + String.join(", ", sameIdentity.stream().map(TokenInfo::id).toList())
                        + " also connect" + (sameIdentity.size() == 1 ? "s" : "") + " as " + kind + "/" + name
                        + "; clients using both replace each other's connections (close 4010). Revoke the old one"
                        + " by id once this one is in use, or give each device its own --name.");
            }
            out.println("This is the only time the token is shown. Store it now:");
            out.println(issued.token());
            out.flush();
            return 0;
        }
    }

    private String describeScopes(List<String> granted, boolean preset) {
        if (granted.isEmpty()) {
            return "none (kind " + kind + " has no preset scopes; give --scope to grant some)";
        }
        return String.join(" ", granted) + (preset ? " (preset for kind " + kind + ")" : "");
    }
}
