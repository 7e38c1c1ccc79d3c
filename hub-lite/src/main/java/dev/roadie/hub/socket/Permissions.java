package dev.roadie.hub.socket;

import dev.roadie.hub.auth.Principal;
import dev.roadie.model.registry.RegistryEvent;
import dev.roadie.model.wire.Address;
import java.util.Optional;

/**
 * What a principal may do on the socket and through the REST API alike. Each check returns
 * the scope that is missing, so the error can tell the operator what to grant.
 */
public final class Permissions {
    private Permissions() {
    }

    /** The scope needed to send to {@code to}, when the principal lacks it. */
    public static Optional<String> missingToSend(Principal principal, Address to) {
        return switch (to) {
            case Address.Instance instance -> need(principal, "send", instance.service().kind());
            case Address.EveryOfKind every -> need(principal, "send", every.kind());
            case Address.OneOfKind one -> need(principal, "send", one.kind());
            // Registry events come from the hub alone, so that nobody can fake one.
            case Address.Topic topic -> RegistryEvent.TOPIC.equals(topic.topic())
                    ? Optional.of("none: topic registry is published by the hub only")
                    : need(principal, "publish", topic.topic());
            case Address.Everyone everyone -> principal.scopes().has("broadcast")
                    ? Optional.empty() : Optional.of("broadcast");
        };
    }

    /** The scope needed to subscribe to {@code topic}; the registry topic also opens to scope registry. */
    public static Optional<String> missingToSubscribe(Principal principal, String topic) {
        if (RegistryEvent.TOPIC.equals(topic) && principal.scopes().has("registry")) {
            return Optional.empty();
        }
        return need(principal, "subscribe", topic);
    }

    /** The scope needed to announce a service of {@code kind}. */
    public static Optional<String> missingToAnnounce(Principal principal, String kind) {
        return need(principal, "announce", kind);
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
        return principal.scopes().allows(action, value) ? Optional.empty() : Optional.of(action + ":" + value);
    }
}
