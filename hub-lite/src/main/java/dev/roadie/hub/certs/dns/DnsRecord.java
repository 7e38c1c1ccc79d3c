package dev.roadie.hub.certs.dns;

/**
 * A TXT record a {@link DnsProvider} created.
 *
 * @param fqdn  its full name without the final dot
 * @param value its text
 * @param id    what the provider knows it by (DigitalOcean's record id), or null
 */
public record DnsRecord(String fqdn, String value, String id) {
}
