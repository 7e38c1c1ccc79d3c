package dev.roadie.hub.certs;

import dev.roadie.hub.auth.Principal;
import dev.roadie.hub.store.AuditLog;
import dev.roadie.hub.store.Database;
import dev.roadie.model.certs.CertificateBundle;
import dev.roadie.model.certs.CertificateNames;
import dev.roadie.model.certs.CertificateSubjects;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's certificates: what is declared, issued and imported, their keys (encrypted at rest
 * under the {@link MasterKey}), who may see which, and who serves which serial. Every issuance,
 * import and key fetch is written to the audit log. Listeners hear of each new certificate.
 */
public final class CertificateVault {
    private static final Logger log = LoggerFactory.getLogger(CertificateVault.class);

    private final CertificateRecords store;
    private final MasterKey masterKey;
    private final AuditLog audit;
    private final Clock clock;
    private final List<Consumer<StoredCertificate>> listeners = new CopyOnWriteArrayList<>();

    public CertificateVault(Database db, MasterKey masterKey, AuditLog audit, Clock clock) {
        this(new CertificateStore(db), masterKey, audit, clock);
    }

    /** Keeping the certificates in {@code records} (the cluster's Redis) rather than the database. */
    public CertificateVault(CertificateRecords records, MasterKey masterKey, AuditLog audit, Clock clock) {
        this.store = records;
        this.masterKey = masterKey;
        this.audit = audit;
        this.clock = clock;
    }

    /** Calls {@code listener} (on the issuing thread) with every certificate issued, renewed or imported. */
    public void onIssued(Consumer<StoredCertificate> listener) {
        listeners.add(listener);
    }

    /** Every certificate. */
    public List<StoredCertificate> all() {
        return store.all();
    }

    /** The certificates {@code principal} may see: those its {@code certs:} scopes name (admin: all). */
    public List<StoredCertificate> visibleTo(Principal principal) {
        return store.all().stream().filter(c -> maySee(principal, c.name())).toList();
    }

    /** Whether {@code principal} may see and fetch the certificate {@code name}. */
    public static boolean maySee(Principal principal, String name) {
        return principal.scopes().allows("certs", name);
    }

    public Optional<StoredCertificate> find(String name) {
        return store.find(requireName(name));
    }

    /** The API's view of a certificate, with who serves which serial. */
    public CertificateInfo info(StoredCertificate cert) {
        List<Installation> installations = store.installations(cert.name()).stream()
                .map(row -> new Installation(row[0], row[1], row[2], row[1].equals(cert.serial()))).toList();
        return new CertificateInfo(cert.name(), cert.domains(), cert.serial(), text(cert.notBefore()),
                text(cert.notAfter()), cert.fingerprint(), cert.source(), text(cert.issuedAt()), text(cert.renewAfter()),
                cert.lastError(), installations);
    }

    /** The bundle pushed to subscribers: the info, the chain and the key. Only for issued certificates. */
    public CertificateBundle bundle(StoredCertificate cert) {
        return new CertificateBundle(cert.name(), cert.domains(), cert.serial(), seconds(cert.notBefore()),
                seconds(cert.notAfter()), cert.fingerprint(), cert.source(), seconds(cert.issuedAt()),
                seconds(cert.renewAfter()), cert.lastError(), cert.fullchainPem(), privateKeyPem(cert));
    }

    /** The PKCS#8 PEM of an issued certificate's key, decrypted. */
    public String privateKeyPem(StoredCertificate cert) {
        if (!cert.issued()) {
            throw new IllegalStateException("certificate " + cert.name() + " is not issued yet");
        }
        return new String(masterKey.decrypt(cert.privateKey(), context(cert.name())), StandardCharsets.US_ASCII);
    }

    /** The certificate's chain as PKCS#12, alias its name, protected by {@code password}. */
    public byte[] pkcs12(StoredCertificate cert, char[] password) {
        try {
            PrivateKey key = Pem.parsePrivateKey(privateKeyPem(cert));
            List<X509Certificate> chain = Pem.parseChain(cert.fullchainPem());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(cert.name(), key, password, chain.toArray(X509Certificate[]::new));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the PKCS#12 of " + cert.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Declares a certificate the hub obtains by ACME for {@code domains}.
     *
     * @throws CertificateRefusedException for a bad name or domain, or a name already used
     */
    public void declare(String name, List<String> domains, String actor) {
        requireName(name);
        List<String> checked = Domains.require(domains);
        if (!store.declare(name, checked, clock.instant())) {
            throw new CertificateRefusedException("a certificate named " + name + " exists already; delete it first");
        }
        audit.record(actor, "cert.declare", name + " " + String.join(",", checked));
        log.info("Certificate {} declared for {}", name, checked);
    }

    /**
     * Imports a certificate made elsewhere (certbot, say): the chain leaf first, and its key. The
     * key must belong to the leaf. It is stored as PKCS#8 and is not renewed by the hub.
     */
    public StoredCertificate importPem(String name, String fullchainPem, String privkeyPem, String actor) {
        requireName(name);
        List<X509Certificate> chain = Pem.parseChain(fullchainPem);
        PrivateKey key = Pem.parsePrivateKey(privkeyPem);
        if (!Pem.belongTogether(key, chain.getFirst().getPublicKey())) {
            throw new CertificateRefusedException("privkeyPem is not the key of the first certificate in fullchainPem"
                    + " (the chain must start with the leaf)");
        }
        Optional<StoredCertificate> existing = store.find(name);
        if (existing.isPresent() && existing.get().managed()) {
            throw new CertificateRefusedException("certificate " + name + " is managed by ACME; delete it before"
                    + " importing one under its name");
        }
        StoredCertificate cert = save(name, chain, key, StoredCertificate.IMPORTED, null);
        audit.record(actor, "cert.import", name + " serial " + cert.serial());
        log.info("Certificate {} imported (serial {}, expires {})", name, cert.serial(), cert.notAfter());
        announce(cert);
        return cert;
    }

    /** Stores a certificate the hub obtained by ACME and tells the listeners. */
    public StoredCertificate saveIssued(String name, List<X509Certificate> chain, PrivateKey key, Instant renewAfter) {
        StoredCertificate cert = save(name, chain, key, StoredCertificate.ACME, renewAfter);
        audit.record("hub/roadie", "cert.issue", name + " serial " + cert.serial() + " expires " + cert.notAfter());
        log.info("Certificate {} issued (serial {}, expires {}, renewal after {})", name, cert.serial(),
                cert.notAfter(), cert.renewAfter());
        announce(cert);
        return cert;
    }

    private StoredCertificate save(String name, List<X509Certificate> chain, PrivateKey key, String source,
            Instant renewAfter) {
        X509Certificate leaf = chain.getFirst();
        Instant now = clock.instant();
        byte[] sealed = masterKey.encrypt(Pem.privateKey(key).getBytes(StandardCharsets.US_ASCII), context(name));
        Instant notBefore = leaf.getNotBefore().toInstant();
        Instant notAfter = leaf.getNotAfter().toInstant();
        Instant renew = source.equals(StoredCertificate.ACME) ? renewAfter != null ? renewAfter
                : Renewals.thirdLeft(notBefore, notAfter) : null;
        StoredCertificate cert = new StoredCertificate(name, Pem.domains(leaf), source, Pem.serial(leaf), notBefore,
                notAfter, Pem.fingerprint(leaf), now.truncatedTo(ChronoUnit.SECONDS), renew, Pem.certificates(chain),
                sealed, null, 0, null, false);
        store.saveIssued(cert, now);
        return store.find(name).orElseThrow();
    }

    /**
     * Another hub of the cluster issued, renewed or imported {@code name}: tells this hub's
     * listeners (its subscribers, its TLS listener) as if it had been issued here.
     */
    public void issuedElsewhere(String name) {
        find(name).filter(StoredCertificate::issued).ifPresent(this::announce);
    }

    private void announce(StoredCertificate cert) {
        for (Consumer<StoredCertificate> listener : listeners) {
            try {
                listener.accept(cert);
            } catch (RuntimeException e) {
                log.error("A listener failed on the new certificate {}", cert.name(), e);
            }
        }
    }

    /** Records a failed issuance. */
    public void saveFailure(String name, String error, int failures, Instant nextAttempt) {
        store.saveFailure(name, error, failures, nextAttempt);
    }

    /** Asks for a renewal now; false when there is no such managed certificate. */
    public boolean requestRenewal(String name, String actor) {
        Optional<StoredCertificate> cert = find(name);
        if (cert.isEmpty()) {
            return false;
        }
        if (!cert.get().managed()) {
            throw new CertificateRefusedException("certificate " + name + " is imported; import a new one instead");
        }
        store.requestRenewal(name);
        audit.record(actor, "cert.renew-requested", name);
        return true;
    }

    public boolean delete(String name, String actor) {
        boolean deleted = store.delete(requireName(name));
        if (deleted) {
            audit.record(actor, "cert.delete", name);
            log.info("Certificate {} deleted by {}", name, actor);
        }
        return deleted;
    }

    /**
     * Records that {@code service} (KIND/NAME) now serves {@code serial} of {@code name}.
     *
     * @throws CertificateRefusedException when the hub never issued that serial for that name
     */
    public void recordInstalled(String name, String service, String serial) {
        requireName(name);
        if (serial == null || !serial.matches("[0-9a-f]{1,64}") || !store.issuedSerial(name, serial)) {
            throw new CertificateRefusedException("'serial' is not a serial this hub issued for " + name
                    + " (lower-case hex, as in the certificate's info)");
        }
        store.saveInstallation(name, service, serial, clock.instant().truncatedTo(ChronoUnit.SECONDS));
        // The audit action is named after the subject that reports it.
        audit.record(service, CertificateSubjects.INSTALLED, name + " serial " + serial);
    }

    /** Audits a fetch of a certificate's parts. */
    public void audited(String actor, String what, StoredCertificate cert) {
        audit.record(actor, what, cert.name() + " serial " + cert.serial());
    }

    /** The ACME account key pair (PEM) of a directory, decrypted, if there is one. */
    public Optional<String> accountKeyPem(String directory) {
        return store.accountKey(directory)
                .map(sealed -> new String(masterKey.decrypt(sealed, "acme:" + directory), StandardCharsets.US_ASCII));
    }

    public void saveAccountKey(String directory, String pem) {
        store.saveAccountKey(directory, masterKey.encrypt(pem.getBytes(StandardCharsets.US_ASCII), "acme:" + directory),
                clock.instant());
    }

    private static String context(String name) {
        // The key's encryption context, not the topic cert:NAME: changing it would leave stored keys unreadable.
        return "cert:" + name;
    }

    private static String text(Instant time) {
        return time == null ? null : seconds(time).toString();
    }

    /** Times go out in whole seconds, as PROTOCOL.md shows them. */
    private static Instant seconds(Instant time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.SECONDS);
    }

    /** Returns {@code name}, or throws {@link CertificateRefusedException} saying what names are. */
    private static String requireName(String name) {
        try {
            return CertificateNames.requireValid(name);
        } catch (IllegalArgumentException e) {
            throw new CertificateRefusedException(e.getMessage());
        }
    }
}
