package dev.roadie.hub.cli;

import dev.roadie.hub.config.HubConfig;
import dev.roadie.hub.pairing.Invite;
import dev.roadie.hub.pairing.QrImage;
import dev.roadie.hub.store.Database;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code roadie pair invite --kind mobile}: a single-use code and a {@code roadie://} link that a
 * device redeems once, with the link as a QR code above them for a phone's camera. The code and
 * the link are the last two lines, for scripts.
 */
@Command(name = "invite", mixinStandardHelpOptions = true,
        description = "Invite a device: print a single-use code and a roadie:// link it redeems once.")
final class PairInviteCommand extends PairSubcommand {
    @Option(names = "--kind", required = true, paramLabel = "KIND", description = "desktop, mobile or extension.")
    private String kind;

    @Mixin
    private NarrowingOptions narrowing;

    @Option(names = "--hub", paramLabel = "URL",
            description = "The hub's address as the device reaches it (default: http://HOST:PORT from the settings).")
    private String hub;

    @Option(names = "--qr", paramLabel = "BACKGROUND", defaultValue = "dark",
            description = "Draw the link as a QR code for a terminal with a dark (the default) or light background,"
                    + " or none.")
    private String qr;

    @Override
    int run() {
        Optional<QrImage.Background> background = switch (qr) {
            case "dark" -> Optional.of(QrImage.Background.DARK);
            case "light" -> Optional.of(QrImage.Background.LIGHT);
            case "none" -> Optional.empty();
            default -> null;
        };
        if (background == null) {
            return usage("--qr is dark, light or none (the terminal's background, or no QR code); got '" + qr + "'");
        }
        try (Database db = openExisting()) {
            Invite invite = pairing(db).invite(kind, narrowing.narrowing(), actor());
            Duration lifetime = settings().pairing().codeLifetime();
            out().println("Invited a " + kind + " device (invite " + invite.pairing().id() + ", scopes "
                    + String.join(" ", invite.pairing().scopes()) + "). The code works once, for "
                    + lifetime.toMinutes() + " min, until " + invite.pairing().expiresAt() + ":");
            String link = invite.link(hub == null ? defaultHub(settings()) : hub);
            // A phone's camera reads the link from the terminal: no typing.
            background.ifPresent(shade -> out().print(QrImage.of(link).terminal(shade)));
            out().println(invite.code());
            out().println(link);
            out().flush();
            return 0;
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
    }

    /** Where the hub listens; "every interface" is not an address a device can reach, so this machine is named. */
    static String defaultHub(HubConfig settings) {
        String host = settings.host().equals("0.0.0.0") || settings.host().equals("::") ? "localhost" : settings.host();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + settings.port();
    }
}
