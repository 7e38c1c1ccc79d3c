package dev.roadie.hub.cli;

import dev.roadie.hub.pairing.PairedDevice;
import dev.roadie.hub.pairing.Pairing;
import dev.roadie.hub.pairing.PairingService;
import dev.roadie.hub.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code roadie pair list}: the requests waiting for a decision, then the paired devices. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the pairing requests waiting for a decision and the paired devices.")
final class PairListCommand extends PairSubcommand {
    private static final String NONE = "-";

    @Override
    int run() {
        List<Pairing> pending;
        List<PairedDevice> devices;
        try (Database db = openExisting()) {
            PairingService pairing = pairing(db);
            pending = pairing.pending();
            devices = pairing.devices();
        }
        Instant now = clock.instant();
        if (pending.isEmpty()) {
            out().println("No pairing requests waiting.");
        } else {
            out().println("Waiting for a decision (approve by the code the device shows, or by id):");
            TextTable table = new TextTable(List.of("ID", "KIND", "NAME", "PLATFORM", "ADDRESS", "AGE", "EXPIRES IN"));
            for (Pairing request : pending) {
                table.add(List.of(request.id(), request.kind(), text(request.deviceName()), text(request.platform()),
                        text(request.address()), age(Duration.between(request.createdAt(), now)),
                        age(Duration.between(now, request.expiresAt()))));
            }
            out().print(table.render());
        }
        out().println();
        if (devices.isEmpty()) {
            out().println("No paired devices.");
        } else {
            TextTable table = new TextTable(List.of("TOKEN ID", "NAME", "KIND", "PLATFORM", "ADDRESS", "PAIRED",
                    "LAST SEEN", "REVOKED"));
            for (PairedDevice device : devices) {
                table.add(List.of(device.tokenId(), text(device.deviceName()), device.kind(), text(device.platform()),
                        text(device.address()), time(device.pairedAt()), time(device.lastSeen()),
                        time(device.revokedAt())));
            }
            out().print(table.render());
        }
        out().flush();
        return 0;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }

    private static String time(Instant at) {
        return at == null ? NONE : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String age(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return seconds < 60 ? seconds + "s" : seconds / 60 + "m" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + "s");
    }
}
