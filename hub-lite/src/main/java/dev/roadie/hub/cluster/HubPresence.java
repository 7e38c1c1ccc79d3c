package dev.roadie.hub.cluster;

import dev.roadie.model.registry.ServiceId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one hub serves, as its presence hash says: the services (each a session's identity or
 * an announced one) and the subscribers of each topic. The hash's fields are {@code s:KIND/NAME}
 * with value {@code i} or {@code a}, and {@code t:TOPIC} with the subscribers' identities one
 * per line; anything else is ignored, so that a later hub may add fields.
 */
final class HubPresence {
    static final String SERVICE = "s:";
    static final String TOPIC = "t:";
    static final String IDENTITY = "i";
    static final String ANNOUNCED = "a";

    private final Map<ServiceId, Boolean> services;
    private final Map<String, List<ServiceId>> byKind = new HashMap<>();
    private final List<ServiceId> identities = new ArrayList<>();
    private final Map<String, List<ServiceId>> topics = new HashMap<>();

    private HubPresence(Map<ServiceId, Boolean> services, Map<String, List<ServiceId>> topics) {
        this.services = services;
        services.forEach((service, identity) -> {
            byKind.computeIfAbsent(service.kind(), k -> new ArrayList<>()).add(service);
            if (identity) {
                identities.add(service);
            }
        });
        this.topics.putAll(topics);
    }

    /** Reads a presence hash; fields it cannot read are skipped, not fatal. */
    static HubPresence parse(Map<String, String> hash) {
        Map<ServiceId, Boolean> services = new LinkedHashMap<>();
        Map<String, List<ServiceId>> topics = new HashMap<>();
        hash.forEach((field, value) -> {
            try {
                if (field.startsWith(SERVICE)) {
                    services.put(ServiceId.parse(field.substring(SERVICE.length())), IDENTITY.equals(value));
                } else if (field.startsWith(TOPIC)) {
                    List<ServiceId> subscribers = new ArrayList<>();
                    value.lines().filter(line -> !line.isEmpty()).forEach(line -> subscribers.add(ServiceId.parse(line)));
                    topics.put(field.substring(TOPIC.length()), subscribers);
                }
            } catch (IllegalArgumentException e) {
                // One bad field (another version, a hand edit) must not hide the rest of the hub.
                ClusterView.log.warn("Skipping the presence field {} that this hub cannot read: {}", field, e.getMessage());
            }
        });
        return new HubPresence(services, topics);
    }

    boolean serves(ServiceId service) {
        return services.containsKey(service);
    }

    List<ServiceId> ofKind(String kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    List<ServiceId> subscribers(String topic) {
        return topics.getOrDefault(topic, List.of());
    }

    /** The identities of its sessions: who {@code all} reaches there. */
    List<ServiceId> identities() {
        return identities;
    }
}
