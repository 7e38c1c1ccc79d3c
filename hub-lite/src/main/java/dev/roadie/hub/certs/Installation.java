package dev.roadie.hub.certs;

/**
 * A service that reported which serial of a certificate it serves.
 *
 * @param service     the reporting identity, KIND/NAME
 * @param serial      the serial it installed, lower-case hex
 * @param installedAt when it said so, ISO-8601
 * @param current     whether that serial is the certificate's current one
 */
public record Installation(String service, String serial, String installedAt, boolean current) {
}
