package dev.roadie.model.certs;

/**
 * The body of a {@code cert.installed} message (and of {@code POST /api/certs/NAME/installed}):
 * the serial a client now serves.
 *
 * @param serial the installed certificate's serial, lower-case hex as the hub wrote it
 */
public record InstallationReport(String serial) {
}
