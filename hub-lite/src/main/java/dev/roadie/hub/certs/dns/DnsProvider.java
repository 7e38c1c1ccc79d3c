package dev.roadie.hub.certs.dns;

/**
 * Creates and removes the TXT records of DNS-01 challenges. Implementations: {@link DigitalOceanDns}
 * and {@link ExecDns}. Several records of the same name may exist at once (a name and its
 * wildcard are checked at the same {@code _acme-challenge} name), so each is removed by what
 * {@link #present} returned, not by its name.
 */
public interface DnsProvider {

    /**
     * Creates a TXT record.
     *
     * @param fqdn  the record's full name without the final dot, like {@code _acme-challenge.example.org}
     * @param value the record's text
     * @return what {@link #cleanUp} needs to remove this record
     * @throws DnsException saying what failed, fit to be shown as a certificate's {@code lastError}
     */
    DnsRecord present(String fqdn, String value) throws DnsException;

    /** Removes a record {@link #present} created. */
    void cleanUp(DnsRecord record) throws DnsException;
}
