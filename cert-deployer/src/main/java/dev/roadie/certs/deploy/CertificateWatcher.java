package dev.roadie.certs.deploy;

import dev.roadie.client.IncomingMessage;
import dev.roadie.client.RoadieClient;
import dev.roadie.client.Subscription;
import dev.roadie.model.certs.CertificateBundle;
import dev.roadie.model.certs.CertificateNames;
import dev.roadie.model.certs.CertificateSubjects;
import dev.roadie.model.certs.InstallationReport;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one certificate for a service: subscribes to topic {@code cert:NAME} (the token needs
 * scope {@code certs:NAME}), and for each {@code cert.issued} push (at once when the certificate is
 * issued, then after every renewal or import) deploys it with a {@link CertificateDeployer}
 * (install, reload, check; roll back on failure) and, once it is in service, tells the hub with a
 * {@code cert.installed} message carrying its serial. A failure is reported to the listener and
 * not to the hub. A push whose serial is installed already (a replay after a resume, a restart of
 * the watcher) changes nothing.
 * <p>Deployments run on a thread of their own ({@code roadie-certs-NAME}), one at a time, so that
 * a slow reload never holds up the client's other handlers. The subscription is restored by the
 * client after a hub restart like any other.
 */
public final class CertificateWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CertificateWatcher.class);
    private static final ServiceId HUB = new ServiceId("hub", "roadie");
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

    private final RoadieClient client;
    private final String name;
    private final CertificateDeployer deployer;
    private final CertificateListener listener;
    private final ExecutorService worker;
    private final Subscription subscription;

    private CertificateWatcher(RoadieClient client, CertificateDeployer deployer, CertificateListener listener) {
        this.client = client;
        this.name = deployer.files().name();
        this.deployer = deployer;
        this.listener = listener;
        this.worker = Executors.newSingleThreadExecutor(runnable -> {
            // Plain Thread, not Thread.ofPlatform(): the SDK also runs on Android.
            Thread thread = new Thread(runnable, "roadie-certs-" + name);
            thread.setDaemon(true);
            return thread;
        });
        this.subscription = client.subscribe(CertificateNames.topic(name), this::received);
    }

    /**
     * Starts following the certificate that {@code deployer} writes.
     *
     * @param listener hears each installed, unchanged or failed certificate
     */
    public static CertificateWatcher start(RoadieClient client, CertificateDeployer deployer,
            CertificateListener listener) {
        return new CertificateWatcher(Objects.requireNonNull(client, "client"),
                Objects.requireNonNull(deployer, "deployer"), Objects.requireNonNull(listener, "listener"));
    }

    /** The certificate's name. */
    public String name() {
        return name;
    }

    /**
     * Completes when the hub accepted the subscription; fails with a {@link dev.roadie.client.RoadieException}
     * ({@code forbidden}) when the token lacks scope {@code certs:NAME}.
     */
    public CompletableFuture<Void> ready() {
        return subscription.ready();
    }

    private void received(IncomingMessage message) {
        if (!CertificateSubjects.ISSUED.equals(message.subject())) {
            // Other clients' cert.installed reports are consumed by the hub; anything else is not for us.
            LOG.debug("Ignoring {} on {}", message.subject(), message.to());
            return;
        }
        if (!HUB.equals(message.from())) {
            LOG.warn("Ignoring a certificate for {} from {}: only the hub hands out certificates", name, message.from());
            return;
        }
        CertificateBundle bundle;
        try {
            bundle = CertificateBundle.fromBody(message.body());
        } catch (RuntimeException e) {
            LOG.warn("The hub's certificate {} cannot be read: {}", name, e.getMessage());
            String serial = message.body() == null ? null : message.body().path("serial").asString(null);
            onWorker(() -> tell(DeploymentEvent.failed(name, serial, DeploymentStage.INSTALL, e.getMessage(), false,
                    null)));
            return;
        }
        onWorker(() -> deploy(bundle));
    }

    /** Runs {@code task} on the watcher's thread, where deployments and listener calls happen. */
    private void onWorker(Runnable task) {
        try {
            worker.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("Watcher of {} is closed; a certificate event is dropped", name);
        }
    }

    private void deploy(CertificateBundle bundle) {
        DeploymentEvent event = deployer.deploy(bundle);
        if (event.event() != DeploymentEvent.Outcome.INSTALLED) {
            tell(event);
            return;
        }
        Address topic = Address.topic(CertificateNames.topic(name));
        try {
            client.send(topic, CertificateSubjects.INSTALLED, new InstallationReport(bundle.serial()))
                    .whenComplete((done, failure) -> {
                        DeploymentEvent outcome = failure == null ? event
                                : DeploymentEvent.failed(name, bundle.serial(), DeploymentStage.REPORT,
                                        "installed, but the hub did not take the report: " + failure.getMessage(),
                                        false, null);
                        onWorker(() -> tell(outcome));
                    });
        } catch (RuntimeException e) {
            tell(DeploymentEvent.failed(name, bundle.serial(), DeploymentStage.REPORT,
                    "installed, but the report could not be sent: " + e.getMessage(), false, null));
        }
    }

    private void tell(DeploymentEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.error("The certificate listener of {} failed on {}", name, event, e);
        }
    }

    /** Stops following the certificate; a deployment under way finishes first (bounded wait). */
    @Override
    public void close() {
        subscription.close();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("The deployment of certificate {} did not finish within {} ms of closing", name,
                        CLOSE_GRACE.toMillis());
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "CertificateWatcher[" + deployer + "]";
    }
}
