package dev.roadie.certs.deploy;

/**
 * Hears what a {@link CertificateWatcher} did with each certificate the hub pushed. Runs on the
 * watcher's own thread ({@code roadie-certs-NAME}), one event at a time; an exception it throws is logged.
 */
@FunctionalInterface
public interface CertificateListener {

    /** One certificate installed, found unchanged, or failed. */
    void onEvent(DeploymentEvent event);
}
