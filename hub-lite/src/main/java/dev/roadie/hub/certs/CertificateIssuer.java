package dev.roadie.hub.certs;

import java.util.List;

/** Obtains a certificate for domains from a CA. The ACME implementation is {@code acme.AcmeIssuer}. */
public interface CertificateIssuer {

    /**
     * Obtains a new certificate and key for {@code domains}; blocks until it has them.
     *
     * @param name the certificate's name, for log lines
     * @throws CertificateIssueException saying what failed, in words fit for {@code lastError}
     */
    IssuedChain issue(String name, List<String> domains) throws CertificateIssueException, InterruptedException;
}
