package dev.roadie.client.internal;

import dev.roadie.model.registry.NodeStats;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
import dev.roadie.model.wire.Announce;
import dev.roadie.model.wire.StateChange;
import dev.roadie.model.wire.Stats;
import dev.roadie.model.wire.Subscribe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What the hub must know about this client in any session: its topics and the services it
 * announced, with their latest stats and state. A new session (the hub restarted or forgot the
 * old one) starts by sending it all again. Timer thread.
 */
final class RestoreState {

    /** A topic and the confirmation of its subscribe frame, which later handlers share. */
    static final class Topic {
        int handlers;
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
    }

    /** A service as last announced, with its latest stats and state. */
    static final class Service {
        ServiceDescriptor descriptor;
        NodeStats stats;
        ServiceState state = ServiceState.UP;
    }

    private final Map<String, Topic> topics = new LinkedHashMap<>();
    private final Map<ServiceId, Service> services = new LinkedHashMap<>();

    Topic topic(String name) {
        return topics.get(name);
    }

    Topic addTopic(String name) {
        return topics.computeIfAbsent(name, n -> new Topic());
    }

    void removeTopic(String name) {
        topics.remove(name);
    }

    Service service(ServiceId id) {
        return services.get(id);
    }

    Service announce(ServiceDescriptor descriptor) {
        Service service = services.computeIfAbsent(descriptor.id(), id -> new Service());
        service.descriptor = descriptor;
        return service;
    }

    void forget(ServiceId id) {
        services.remove(id);
    }

    /** The frames that bring a new session up to date, with ids from {@code ids}. */
    List<OutgoingFrame> frames(Ids ids) {
        List<OutgoingFrame> frames = new ArrayList<>();
        for (Map.Entry<String, Topic> topic : topics.entrySet()) {
            frames.add(OutgoingFrame.internal(new Subscribe(0, ids.next(), topic.getKey()),
                    Outcome.of(topic.getValue().confirmed)));
        }
        for (Service service : services.values()) {
            ServiceId id = service.descriptor.id();
            frames.add(OutgoingFrame.internal(new Announce(0, ids.next(), service.descriptor), Outcome.NONE));
            if (service.stats != null) {
                frames.add(OutgoingFrame.internal(new Stats(0, ids.next(), id, service.stats), Outcome.NONE));
            }
            if (service.state != ServiceState.UP) {
                frames.add(OutgoingFrame.internal(new StateChange(0, ids.next(), id, service.state), Outcome.NONE));
            }
        }
        return frames;
    }
}
