package dev.roadie.hub.certs;

import dev.roadie.hub.session.ClientSession;
import dev.roadie.hub.session.HubSender;
import dev.roadie.hub.session.PreparedFrame;
import dev.roadie.hub.session.SessionTable;
import dev.roadie.model.certs.CertificateBundle;
import dev.roadie.model.certs.CertificateEvent;
import dev.roadie.model.certs.CertificateNames;
import dev.roadie.model.certs.CertificateSubjects;
import dev.roadie.model.registry.RegistryEvent;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Message;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * Pushes certificates over the socket: a {@code cert.issued} bundle to the subscribers of
 * {@code cert:NAME} at once on subscribing and again on every renewal or import, and
 * {@code cert.renewed} / {@code cert.expiring} events (without keys) on topic {@code registry}.
 */
public final class CertificateTopics {
    private final SessionTable sessions;
    private final CertificateVault vault;
    private final Clock clock;

    public CertificateTopics(SessionTable sessions, CertificateVault vault, Clock clock) {
        this.sessions = sessions;
        this.vault = vault;
        this.clock = clock;
    }

    /** Sends the new certificate to its subscribers and tells the registry subscribers. */
    public void issued(StoredCertificate cert) {
        Set<ClientSession> subscribers = sessions.subscribers(CertificateNames.TOPIC_PREFIX + cert.name());
        if (!subscribers.isEmpty()) {
            PreparedFrame bundle = PreparedFrame.of(bundleMessage(cert));
            subscribers.forEach(subscriber -> subscriber.deliver(bundle));
        }
        registryEvent(CertificateSubjects.RENEWED, cert);
    }

    /** Sends {@code subscriber} the certificate as it is now, if it is issued. */
    public void sendCurrent(ClientSession subscriber, String name) {
        vault.find(name).filter(StoredCertificate::issued)
                .ifPresent(cert -> subscriber.deliver(bundleMessage(cert)));
    }

    /** Tells the registry subscribers that {@code cert} is close to expiry. */
    public void expiring(StoredCertificate cert) {
        registryEvent(CertificateSubjects.EXPIRING, cert);
    }

    private void registryEvent(String subject, StoredCertificate cert) {
        Set<ClientSession> subscribers = sessions.subscribers(RegistryEvent.TOPIC);
        if (subscribers.isEmpty() || !cert.issued()) {
            return;
        }
        long days = Duration.between(clock.instant(), cert.notAfter()).toDays();
        CertificateEvent event = new CertificateEvent(cert.name(), cert.domains(), cert.serial(),
                cert.notAfter(), days, cert.lastError());
        PreparedFrame frame = PreparedFrame.of(new Message(0, UUID.randomUUID().toString(), HubSender.ID,
                Address.topic(RegistryEvent.TOPIC), subject, FrameCodec.DEFAULT.toTree(event), false));
        subscribers.forEach(subscriber -> subscriber.deliver(frame));
    }

    private Message bundleMessage(StoredCertificate cert) {
        CertificateBundle bundle = vault.bundle(cert);
        return new Message(0, UUID.randomUUID().toString(), HubSender.ID,
                Address.topic(CertificateNames.TOPIC_PREFIX + cert.name()), CertificateSubjects.ISSUED,
                FrameCodec.DEFAULT.toTree(bundle), false);
    }
}
