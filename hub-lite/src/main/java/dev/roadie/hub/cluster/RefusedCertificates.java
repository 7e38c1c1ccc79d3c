package dev.roadie.hub.cluster;

import dev.roadie.hub.certs.CertificateRecords;
import dev.roadie.hub.certs.StoredCertificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The certificates of a hub whose master key is not the cluster's: every call is refused with
 * what to do, so that this hub neither serves keys it cannot decrypt nor stores any the other
 * hubs could not.
 */
final class RefusedCertificates implements CertificateRecords {
    private final String why;

    RefusedCertificates(String problem) {
        this.why = "this hub keeps out of the cluster's certificates: " + problem;
    }

    private MasterKeyMismatchException refused() {
        return new MasterKeyMismatchException(why);
    }

    @Override
    public List<StoredCertificate> all() {
        throw refused();
    }

    @Override
    public Optional<StoredCertificate> find(String name) {
        throw refused();
    }

    @Override
    public boolean declare(String name, List<String> domains, Instant now) {
        throw refused();
    }

    @Override
    public void saveIssued(StoredCertificate cert, Instant now) {
        throw refused();
    }

    @Override
    public void saveFailure(String name, String error, int failures, Instant nextAttempt) {
        throw refused();
    }

    @Override
    public boolean requestRenewal(String name) {
        throw refused();
    }

    @Override
    public boolean delete(String name) {
        throw refused();
    }

    @Override
    public boolean issuedSerial(String name, String serial) {
        throw refused();
    }

    @Override
    public void saveInstallation(String name, String service, String serial, Instant at) {
        throw refused();
    }

    @Override
    public List<String[]> installations(String name) {
        throw refused();
    }

    @Override
    public Optional<byte[]> accountKey(String directory) {
        throw refused();
    }

    @Override
    public void saveAccountKey(String directory, byte[] sealed, Instant now) {
        throw refused();
    }
}
