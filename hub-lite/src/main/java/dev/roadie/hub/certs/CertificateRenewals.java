package dev.roadie.hub.certs;

import dev.roadie.hub.config.CertsConfig;
import dev.roadie.hub.metrics.HubMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Obtains and renews the managed certificates on its own thread ({@code roadie-certs}), never on
 * the hub's heartbeat timer. A certificate is due when it was never issued, when a third of its
 * lifetime is left (or the CA's renewal window opened), or when an admin asked; a failure is
 * kept as {@code lastError} and tried again after a backoff that doubles up to
 * {@code certs.retryMax}.
 *
 * <p>In a cluster only the leader orders and renews (docs/CLUSTER.md, "The leader"): the others
 * check only what is close to expiry, for their own subscribers, and look again every
 * {@link #FOLLOWER_CHECK} whether they lead now. Whatever the leader was doing when it died is
 * still due in the shared records, so the next leader does it again.
 */
public final class CertificateRenewals implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CertificateRenewals.class);
    /** How often a hub that does not lead looks again whether it leads. */
    static final Duration FOLLOWER_CHECK = Duration.ofSeconds(1);

    private final CertificateVault vault;
    private final Optional<CertificateIssuer> issuer;
    private final CertsConfig config;
    private final Clock clock;
    private final HubMetrics metrics;
    private final Consumer<StoredCertificate> expiring;
    private final java.util.function.BooleanSupplier leading;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("roadie-certs").daemon().factory());
    /** name/serial pairs already announced as expiring, so that each is told once. */
    private final Set<String> toldExpiring = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> next; // only touched on the thread
    /** The last check's failure, so that one that repeats every second (Redis away) is logged once; only on the thread. */
    private String lastFailure;

    /**
     * @param issuer   the CA, or empty when no DNS provider is configured (then declared certificates fail with a reason)
     * @param expiring told of an issued certificate a third from expiry and not renewed yet
     */
    public CertificateRenewals(CertificateVault vault, Optional<CertificateIssuer> issuer, CertsConfig config,
            Clock clock, HubMetrics metrics, Consumer<StoredCertificate> expiring) {
        this(vault, issuer, config, clock, metrics, expiring, () -> true);
    }

    /** @param leading whether this hub orders and renews now: in a cluster, whether it is the leader */
    public CertificateRenewals(CertificateVault vault, Optional<CertificateIssuer> issuer, CertsConfig config,
            Clock clock, HubMetrics metrics, Consumer<StoredCertificate> expiring,
            java.util.function.BooleanSupplier leading) {
        this.leading = leading;
        this.vault = vault;
        this.issuer = issuer;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.expiring = expiring;
    }

    /** Starts checking: now, then whenever the next certificate is due (at least every check interval). */
    public void start() {
        wake();
    }

    /** Checks at once (a certificate was declared, or a renewal asked for). */
    public void wake() {
        try {
            thread.execute(this::check);
        } catch (RejectedExecutionException e) {
            log.debug("Certificate check not run: the hub is stopping");
        }
    }

    private void check() {
        Instant now = clock.instant();
        Instant earliest = now.plus(config.checkInterval());
        boolean leads = leading.getAsBoolean();
        if (!leads && FOLLOWER_CHECK.compareTo(config.checkInterval()) < 0) {
            earliest = now.plus(FOLLOWER_CHECK);
        }
        try {
            for (StoredCertificate cert : vault.all()) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                StoredCertificate current = cert;
                if (leads && cert.managed() && due(cert, now)) {
                    current = attempt(cert).orElse(cert);
                }
                tellIfExpiring(current, clock.instant());
                Instant when = leads ? nextDue(current) : null;
                if (when != null && when.isBefore(earliest)) {
                    earliest = when;
                }
            }
            lastFailure = null;
        } catch (RuntimeException e) {
            // The thread must go on checking whatever one pass meets; the same failure again is not news.
            if (!String.valueOf(e.getMessage()).equals(lastFailure)) {
                log.error("Certificate check failed; checking again in {}", Duration.between(now, earliest), e);
            }
            lastFailure = String.valueOf(e.getMessage());
        }
        scheduleAt(earliest);
    }

    private void scheduleAt(Instant when) {
        if (next != null) {
            next.cancel(false);
        }
        long delay = Math.max(10, Duration.between(clock.instant(), when).toMillis());
        try {
            next = thread.schedule(this::check, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("Next certificate check not scheduled: the hub is stopping");
        }
    }

    static boolean due(StoredCertificate cert, Instant now) {
        if (cert.renewRequested()) {
            return true;
        }
        if (cert.nextAttempt() != null && now.isBefore(cert.nextAttempt())) {
            return false;
        }
        return !cert.issued() || cert.renewAfter() == null || !now.isBefore(cert.renewAfter());
    }

    private static Instant nextDue(StoredCertificate cert) {
        if (!cert.managed()) {
            return null;
        }
        if (cert.nextAttempt() != null) {
            return cert.nextAttempt();
        }
        return cert.renewAfter();
    }

    private Optional<StoredCertificate> attempt(StoredCertificate cert) {
        String why;
        try {
            if (issuer.isEmpty()) {
                throw new CertificateIssueException("no DNS provider is configured (set certs.dnsProvider to"
                        + " digitalocean or exec), so the hub cannot obtain certificates; import one instead");
            }
            log.info("Obtaining certificate {} for {}", cert.name(), cert.domains());
            IssuedChain issued = issuer.get().issue(cert.name(), cert.domains());
            metrics.certificateIssuance("issued");
            return Optional.of(vault.saveIssued(cert.name(), issued.chain(), issued.key(), issued.renewAfter()));
        } catch (CertificateIssueException e) {
            why = e.getMessage();
            log.warn("Certificate {} could not be obtained: {}", cert.name(), why, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (RuntimeException e) {
            why = "the hub failed while obtaining it (" + e.getClass().getSimpleName() + "); see the hub's log";
            log.error("Certificate {} could not be obtained", cert.name(), e);
        }
        metrics.certificateIssuance("failed");
        int failures = cert.failures() + 1;
        Instant retry = clock.instant().plus(Renewals.backoff(failures, config.retryMin(), config.retryMax()));
        vault.saveFailure(cert.name(), why, failures, retry);
        log.info("Certificate {}: attempt {} failed, next attempt at {}", cert.name(), failures, retry);
        return vault.find(cert.name());
    }

    private void tellIfExpiring(StoredCertificate cert, Instant now) {
        if (!cert.issued()) {
            return;
        }
        Instant threshold = Renewals.thirdLeft(cert.notBefore(), cert.notAfter());
        if (!now.isBefore(threshold) && toldExpiring.add(cert.name() + "/" + cert.serial())) {
            log.warn("Certificate {} (serial {}) expires at {} and is not renewed yet{}", cert.name(), cert.serial(),
                    cert.notAfter(), cert.lastError() == null ? "" : ": " + cert.lastError());
            expiring.accept(cert);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("The certificate thread did not stop within 5s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
