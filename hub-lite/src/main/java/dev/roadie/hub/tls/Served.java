package dev.roadie.hub.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What the TLS listener serves: a key and its chain, and the serial of the managed certificate
 * (null for the placeholder).
 */
record Served(PrivateKey key, List<X509Certificate> chain, String serial) {
    /** An in-memory key store only: this password protects nothing on disk. */
    static final String PASSWORD = "in-memory";
    static final String ALIAS = "hub";

    KeyStore keyStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, PASSWORD.toCharArray(), chain.toArray(X509Certificate[]::new));
            return store;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot hold the TLS key in memory: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "Served[serial=" + serial + "]";
    }
}
