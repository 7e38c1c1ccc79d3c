package dev.roadie.hub.context;

import dev.roadie.hub.auth.TokenService;
import dev.roadie.hub.certs.CertificateVault;
import dev.roadie.hub.config.HubConfig;
import dev.roadie.hub.messaging.Messaging;
import dev.roadie.hub.metrics.HubMetrics;
import dev.roadie.hub.registry.Registry;
import dev.roadie.hub.routing.DurableMessages;
import dev.roadie.hub.routing.Requests;
import dev.roadie.hub.session.AckTimer;
import dev.roadie.hub.session.ClientSession;
import dev.roadie.hub.certs.CertificateTopics;
import dev.roadie.hub.registry.RegistryEvents;
import dev.roadie.hub.routing.Router;
import dev.roadie.hub.session.SessionTable;
import dev.roadie.hub.store.AuditLog;
import java.time.Clock;

/**
 * The parts of a running hub that the socket uses. Built once by {@code dev.roadie.hub.Hub},
 * which wires the parts together; it sits in a package of its own so that the socket does not
 * depend on the package that creates it. REST controllers are given only the parts they use.
 *
 * @param epoch  changes on every start, so that clients notice a restarted hub
 * @param messaging sends messages, requests and gathers for the socket and REST alike
 * @param certs  the managed and imported certificates
 * @param certTopics pushes certificates to their subscribers
 * @param acks   writes the held-back acks of client frames on its own thread
 * @param hubUrls in a cluster, the socket URLs of its hubs for the welcome; empty for a hub on its own
 */
public record HubContext(HubConfig config, String epoch, Clock clock, SessionTable sessions, Registry registry,
        RegistryEvents registryEvents, Router router, Requests requests, Messaging messaging, DurableMessages durable,
        HubMetrics metrics, TokenService tokens, AuditLog audit, CertificateVault certs, CertificateTopics certTopics,
        AckTimer acks, java.util.function.Supplier<java.util.List<String>> hubUrls) {

    /** Forgets an ended session: its routes and subscriptions go, and what it was asked ends as gone. */
    public void forget(ClientSession session) {
        sessions.remove(session);
        requests.sessionEnded(session);
    }
}
