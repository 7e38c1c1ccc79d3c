package dev.roadie.hub.cluster;

import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What one hub serves, as its presence hash says: the services (each a session's identity or
 * an announced one, with its registry state and load) and the subscribers of each topic. The
 * hash's fields are {@code s:KIND/NAME} with value {@code i} or {@code a}, then its state
 * ({@code up}, {@code draining}...) and, when it sends stats, its load penalty, separated by
 * spaces ({@code a up 12.5}); and {@code t:TOPIC} with the subscribers' identities one per line.
 * Anything else is ignored, so that a later hub may add fields.
 */
final class HubPresence {
    static final String SERVICE = "s:";
    static final String TOPIC = "t:";
    static final String IDENTITY = "i";
    static final String ANNOUNCED = "a";
    /** The field holding the socket URL the hub gives clients, when it advertises one. */
    static final String URL = "url";

    private final Map<ServiceId, Boolean> services;
    private final Map<ServiceId, Double> penalties;
    /** The instances of each kind that take new work (state up), for {@code one:KIND}. */
    private final Map<String, List<ServiceId>> upByKind = new HashMap<>();
    private final Map<String, List<ServiceId>> byKind = new HashMap<>();
    private final List<ServiceId> identities = new ArrayList<>();
    private final Map<String, List<ServiceId>> topics = new HashMap<>();
    private final String url;

    private HubPresence(Map<ServiceId, Boolean> services, Set<ServiceId> up, Map<ServiceId, Double> penalties,
            Map<String, List<ServiceId>> topics, String url) {
        this.url = url;
        this.services = services;
        this.penalties = penalties;
        up.forEach(service -> upByKind.computeIfAbsent(service.kind(), k -> new ArrayList<>()).add(service));
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
        Set<ServiceId> up = new LinkedHashSet<>();
        Map<ServiceId, Double> penalties = new HashMap<>();
        Map<String, List<ServiceId>> topics = new HashMap<>();
        hash.forEach((field, value) -> {
            try {
                if (field.startsWith(SERVICE)) {
                    ServiceId service = ServiceId.parse(field.substring(SERVICE.length()));
                    String[] parts = value.split(" ");
                    services.put(service, IDENTITY.equals(parts[0]));
                    // A hub that writes no state (none does yet) is taken as up, as the router takes a service not in the registry.
                    if (parts.length < 2 || ServiceState.UP.wire().equals(parts[1])) {
                        up.add(service);
                    }
                    if (parts.length >= 3) {
                        penalties.put(service, Double.parseDouble(parts[2]));
                    }
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
        return new HubPresence(services, up, penalties, topics, hash.get(URL));
    }

    /** The socket URL the hub gives clients, if it advertises one. */
    java.util.Optional<String> url() {
        return java.util.Optional.ofNullable(url);
    }

    boolean serves(ServiceId service) {
        return services.containsKey(service);
    }

    List<ServiceId> ofKind(String kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    /** The instances of a kind that take new work. */
    List<ServiceId> upOfKind(String kind) {
        return upByKind.getOrDefault(kind, List.of());
    }

    /** The load penalty it last wrote for {@code service}, if that service sends stats. */
    OptionalDouble penalty(ServiceId service) {
        Double penalty = penalties.get(service);
        return penalty == null ? OptionalDouble.empty() : OptionalDouble.of(penalty);
    }

    List<ServiceId> subscribers(String topic) {
        return topics.getOrDefault(topic, List.of());
    }

    /** The identities of its sessions: who {@code all} reaches there. */
    List<ServiceId> identities() {
        return identities;
    }
}
