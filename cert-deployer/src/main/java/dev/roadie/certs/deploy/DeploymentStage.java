package dev.roadie.certs.deploy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The steps of putting a new certificate in service, in order; a failure names the one that failed. */
public enum DeploymentStage {
    /** Getting the certificate from the hub ({@code roadie certs pull} over REST). */
    FETCH,
    /** Checking the bundle and writing the files. */
    INSTALL,
    /** Running the service's reload command. */
    RELOAD,
    /** Confirming that the service presents the new certificate. */
    CHECK,
    /** Telling the hub which certificate is served. */
    REPORT;

    /** The stage's name as JSON output writes it: {@code install}, {@code reload}, ... */
    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
