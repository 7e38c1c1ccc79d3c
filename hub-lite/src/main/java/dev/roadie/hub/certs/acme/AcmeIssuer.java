package dev.roadie.hub.certs.acme;

import dev.roadie.hub.certs.CertificateIssueException;
import dev.roadie.hub.certs.CertificateIssuer;
import dev.roadie.hub.certs.CertificateVault;
import dev.roadie.hub.certs.IssuedChain;
import dev.roadie.hub.certs.dns.DnsException;
import dev.roadie.hub.certs.dns.DnsProvider;
import dev.roadie.hub.certs.dns.DnsRecord;
import dev.roadie.hub.config.CertsConfig;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Certificate;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Problem;
import org.shredzone.acme4j.RenewalInfo;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Challenge;
import org.shredzone.acme4j.challenge.Dns01Challenge;
import org.shredzone.acme4j.exception.AcmeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Obtains certificates by ACME with DNS-01 challenges: one order for all the domains (names and
 * wildcards), every TXT record created before any challenge is triggered, the records removed
 * afterwards whatever happened. The key of each certificate is a new EC P-256 key; the account
 * key is kept in the vault, encrypted like the certificates' keys.
 */
public final class AcmeIssuer implements CertificateIssuer {
    private static final Logger log = LoggerFactory.getLogger(AcmeIssuer.class);

    private final CertsConfig config;
    private final DnsProvider dns;
    private final CertificateVault vault;
    private final Optional<SSLContext> trust;

    AcmeIssuer(CertsConfig config, DnsProvider dns, CertificateVault vault, Optional<SSLContext> trust) {
        this.config = config;
        this.dns = dns;
        this.vault = vault;
        this.trust = trust;
    }

    @Override
    public IssuedChain issue(String name, List<String> domains) throws CertificateIssueException, InterruptedException {
        List<DnsRecord> records = new ArrayList<>();
        try {
            Login login = login();
            Order order = login.newOrder().domains(domains).create();
            List<Challenge> challenges = new ArrayList<>();
            for (Authorization authorization : order.getAuthorizations()) {
                if (authorization.getStatus() == Status.VALID) {
                    continue; // the CA still remembers this proof
                }
                Dns01Challenge challenge = authorization.findChallenge(Dns01Challenge.class).orElseThrow(
                        () -> new CertificateIssueException("the CA offers no dns-01 challenge for "
                                + authorization.getIdentifier().getDomain()));
                String fqdn = stripDot(Dns01Challenge.toRRName(authorization.getIdentifier()));
                records.add(dns.present(fqdn, challenge.getDigest()));
                challenges.add(challenge);
            }
            if (!challenges.isEmpty() && !config.propagationWait().isZero()) {
                log.debug("Waiting {} for the TXT records of {} to propagate", config.propagationWait(), name);
                Thread.sleep(config.propagationWait().toMillis());
            }
            for (Challenge challenge : challenges) {
                challenge.trigger();
            }
            for (Challenge challenge : challenges) {
                Status status = challenge.waitForCompletion(config.timeout());
                if (status != Status.VALID) {
                    throw new CertificateIssueException("the CA did not accept the DNS-01 challenge: "
                            + describe(challenge.getError()));
                }
            }
            KeyPair key = Keys.newEcKeyPair();
            order.waitUntilReady(config.timeout());
            order.execute(key);
            Status status = order.waitForCompletion(config.timeout());
            if (status != Status.VALID) {
                throw new CertificateIssueException("the CA did not issue the certificate: " + describe(order.getError()));
            }
            Certificate certificate = order.getCertificate();
            return new IssuedChain(certificate.getCertificateChain(), key.getPrivate(), renewalWindow(certificate));
        } catch (AcmeException e) {
            throw new CertificateIssueException("ACME at " + config.directory() + " failed: " + e.getMessage(), e);
        } catch (DnsException e) {
            throw new CertificateIssueException(e.getMessage(), e);
        } finally {
            for (DnsRecord record : records) {
                try {
                    dns.cleanUp(record);
                } catch (DnsException e) {
                    log.warn("The TXT record {} could not be removed: {}", record.fqdn(), e.getMessage());
                }
            }
        }
    }

    private Login login() throws AcmeException {
        Session session = trust.isPresent()
                ? new Session(config.directoryUri(), new TrustingAcmeProvider(trust.get()))
                : new Session(config.directoryUri());
        KeyPair accountKey = vault.accountKeyPem(config.directory()).map(Keys::fromPem).orElseGet(() -> {
            KeyPair created = Keys.newEcKeyPair();
            vault.saveAccountKey(config.directory(), Keys.toPem(created));
            return created;
        });
        AccountBuilder account = new AccountBuilder().agreeToTermsOfService().useKeyPair(accountKey);
        config.contactEmail().ifPresent(account::addEmail);
        config.eabKey().ifPresent(kid -> account.withKeyIdentifier(kid, config.eabHmacKey().strip()));
        return account.createLogin(session);
    }

    /** A moment in the CA's renewal window (ACME Renewal Information), or null when it offers none. */
    private static Instant renewalWindow(Certificate certificate) {
        try {
            if (!certificate.hasRenewalInfo()) {
                return null;
            }
            RenewalInfo info = certificate.getRenewalInfo();
            Instant start = info.getSuggestedWindowStart();
            long span = Duration.between(start, info.getSuggestedWindowEnd()).toMillis();
            // A random moment in the window, as RFC 9773 asks, so that not every client renews at once.
            return start.plusMillis(span <= 0 ? 0 : ThreadLocalRandom.current().nextLong(span));
        } catch (RuntimeException e) {
            log.info("The CA's renewal information could not be read ({}); renewing at a third of the lifetime left",
                    e.getMessage());
            return null;
        }
    }

    private static String describe(Optional<Problem> problem) {
        return problem.map(p -> p.getDetail().orElse(p.toString())).orElse("no reason given");
    }

    private static String stripDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    @Override
    public String toString() {
        return "AcmeIssuer[" + config.directory() + " with " + dns + "]";
    }
}
