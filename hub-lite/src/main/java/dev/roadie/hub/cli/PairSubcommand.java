package dev.roadie.hub.cli;

import dev.roadie.hub.auth.TokenService;
import dev.roadie.hub.config.HubConfig;
import dev.roadie.hub.pairing.PairingService;
import dev.roadie.hub.store.AuditLog;
import dev.roadie.hub.store.Database;
import java.nio.file.Path;

/** What the {@code pair} subcommands share beyond the token commands' folder and errors: the pairing service. */
abstract class PairSubcommand extends TokenSubcommand {
    private HubConfig settings;

    /** The hub's settings, read once per run. */
    HubConfig settings() {
        if (settings == null) {
            settings = data.settings();
        }
        return settings;
    }

    /** From the settings read once, so that their warnings show once. */
    @Override
    Path folder() {
        return settings().data().toAbsolutePath().normalize();
    }

    PairingService pairing(Database db) {
        return new PairingService(db, new TokenService(db, clock), new AuditLog(db, clock), clock,
                settings().pairing());
    }

    /** Who the audit log names. */
    static String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }
}
