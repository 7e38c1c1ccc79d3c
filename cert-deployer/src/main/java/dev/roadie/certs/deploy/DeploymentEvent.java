package dev.roadie.certs.deploy;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.roadie.model.certs.CertificateBundle;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What became of one certificate the hub handed out: installed (and, for a watcher, reported),
 * unchanged (that serial was installed already), or failed at a {@link DeploymentStage}.
 * The {@code roadie certs} commands print it as one JSON line:
 * <pre>{@code
 * {"event":"installed","name":"example.org","serial":"4b1f9e07c2d3a816","notAfter":"2027-02-19T08:00:00Z","files":["/etc/ssl/roadie/fullchain.pem","/etc/ssl/roadie/privkey.pem"]}
 * {"event":"failed","name":"example.org","serial":"6e20c4d1f8a9b357","stage":"reload","error":"reload command ... exited with 1: ...","rolledBack":true}
 * }</pre>
 *
 * @param event         what happened
 * @param name          the certificate's name
 * @param serial        the serial it was about (the hub's spelling), or null when unknown
 * @param notAfter      its end of validity, or null when unknown
 * @param files         the files written (for {@link Outcome#INSTALLED})
 * @param stage         the step that failed (for {@link Outcome#FAILED})
 * @param error         why it failed (for {@link Outcome#FAILED})
 * @param rolledBack    whether the previous files were put back (and the reload run again for them)
 * @param rollbackError what went wrong while rolling back, or null
 */
public record DeploymentEvent(Outcome event, String name, String serial, Instant notAfter, List<String> files,
        DeploymentStage stage, String error, boolean rolledBack, String rollbackError) {

    public DeploymentEvent {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** What happened to a certificate. */
    public enum Outcome {
        /** The new certificate is installed, reloaded and (when asked) confirmed served. */
        INSTALLED,
        /** The files hold that serial already: nothing was done. */
        UNCHANGED,
        /** A step failed; the service keeps (or got back) its previous certificate. */
        FAILED;

        @JsonValue
        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static DeploymentEvent installed(CertificateBundle bundle, List<Path> files) {
        return new DeploymentEvent(Outcome.INSTALLED, bundle.name(), bundle.serial(), bundle.notAfter(),
                files.stream().map(Path::toString).toList(), null, null, false, null);
    }

    static DeploymentEvent unchanged(CertificateBundle bundle) {
        return new DeploymentEvent(Outcome.UNCHANGED, bundle.name(), bundle.serial(), bundle.notAfter(), List.of(),
                null, null, false, null);
    }

    /** A failure of {@code name}'s certificate at {@code stage}. */
    public static DeploymentEvent failed(String name, String serial, DeploymentStage stage, String error,
            boolean rolledBack, String rollbackError) {
        return new DeploymentEvent(Outcome.FAILED, name, serial, null, List.of(), stage, error, rolledBack,
                rollbackError);
    }

    /** Whether the certificate is in service: installed now, or unchanged. */
    public boolean ok() {
        return event != Outcome.FAILED;
    }
}
