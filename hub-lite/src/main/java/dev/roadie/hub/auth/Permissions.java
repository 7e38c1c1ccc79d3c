package dev.roadie.hub.auth;

import dev.roadie.model.certs.CertificateNames;
import dev.roadie.model.certs.CertificateSubjects;
import dev.roadie.model.registry.RegistryEvent;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;
import java.util.Optional;

/**
 * What a principal may do on the socket and through the REST API alike. Each check returns why
 * it refuses, naming the missing scope, so the error tells the operator what to grant.
 */
public final class Permissions {
    private static final String LACKS = "this token lacks the scope ";

    private Permissions() {
    }

    /** Why the principal may not send to {@code to}, if it may not. */
    public static Optional<String> refusalToSend(Principal principal, Address to) {
        return switch (to) {
            case Address.Instance instance -> principal.scopes().allowsSendTo(instance.service().kind(),
                    instance.service().name()) ? Optional.empty()
                    : Optional.of(LACKS + "send:" + instance.service().kind() + " (or send:" + instance.service()
                            + ", or a pattern that matches it)");
            // A token bound to named services (send:KIND/NAME) must name them: not every one, not one the hub picks.
            case Address.EveryOfKind every -> need(principal, "send", every.kind());
            case Address.OneOfKind one -> need(principal, "send", one.kind());
            // Registry events come from the hub alone, so that nobody can fake one.
            case Address.Topic topic -> RegistryEvent.TOPIC.equals(topic.topic())
                    ? Optional.of("topic registry is published by the hub only")
                    // Certificates come from the hub alone; a service only reports what it installed.
                    : CertificateNames.isCertificateTopic(topic.topic())
                    ? Optional.of("topic " + topic.topic() + " is published by the hub only; a service reports what it"
                            + " installed with subject " + CertificateSubjects.INSTALLED)
                    : need(principal, "publish", topic.topic());
            case Address.Everyone everyone -> principal.scopes().has("broadcast")
                    ? Optional.empty() : Optional.of(LACKS + "broadcast");
            // What a request to the hub needs depends on its subject: HubCalls checks it.
            case Address.Hub hub -> Optional.empty();
        };
    }

    /**
     * Why the principal may not subscribe to {@code topic}; the registry topic also opens to scope
     * registry, and a certificate's topic {@code cert:NAME} opens only to scope {@code certs:NAME}.
     */
    public static Optional<String> refusalToSubscribe(Principal principal, String topic) {
        if (CertificateNames.isCertificateTopic(topic)) {
            return need(principal, "certs", CertificateNames.fromTopic(topic));
        }
        if (RegistryEvent.TOPIC.equals(topic) && principal.scopes().has("registry")) {
            return Optional.empty();
        }
        return need(principal, "subscribe", topic);
    }

    /** Why the principal may not announce {@code service}: it needs announce:KIND, or announce:KIND/NAME for it. */
    public static Optional<String> refusalToAnnounce(Principal principal, ServiceId service) {
        return principal.scopes().allowsAnnounce(service.kind(), service.name()) ? Optional.empty()
                : Optional.of(LACKS + "announce:" + service.kind() + " (or announce:" + service + ", or a pattern"
                        + " that matches it)");
    }

    /** Whether the principal may read the secrets of services of {@code kind}. */
    public static boolean maySeeSecrets(Principal principal, String kind) {
        return principal.scopes().allows("secrets", kind);
    }

    /** Whether the principal may read the registry. */
    public static boolean mayReadRegistry(Principal principal) {
        return principal.scopes().has("registry");
    }

    private static Optional<String> need(Principal principal, String action, String value) {
        return principal.scopes().allows(action, value) ? Optional.empty() : Optional.of(LACKS + action + ":" + value);
    }
}
