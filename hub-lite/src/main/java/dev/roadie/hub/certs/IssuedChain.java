package dev.roadie.hub.certs;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * What a CA issued: the chain (leaf first, no root), the key made for it, and when the CA
 * suggests renewing (its ACME Renewal Information window), or null to renew at a third left.
 */
public record IssuedChain(List<X509Certificate> chain, PrivateKey key, Instant renewAfter) {
    public IssuedChain {
        chain = List.copyOf(chain);
    }

    @Override
    public String toString() {
        return "IssuedChain[leaf=" + chain.getFirst().getSubjectX500Principal() + "]";
    }
}
