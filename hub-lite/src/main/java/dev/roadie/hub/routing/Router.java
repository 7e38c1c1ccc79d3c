package dev.roadie.hub.routing;

import dev.roadie.hub.registry.Registry;
import dev.roadie.hub.session.ClientSession;
import dev.roadie.hub.session.PreparedFrame;
import dev.roadie.hub.session.SessionTable;
import dev.roadie.model.registry.ServiceEntry;
import dev.roadie.model.registry.ServiceState;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.Numbered;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns an address into receivers. The sender is never one of its own receivers.
 */
public final class Router {
    private final SessionTable sessions;
    private final Registry registry;
    private final AtomicInteger roundRobin = new AtomicInteger();

    public Router(SessionTable sessions, Registry registry) {
        this.sessions = sessions;
        this.registry = registry;
    }

    /** The receivers {@code to} names now, without {@code sender}. */
    public List<Receiver> resolve(Address to, ClientSession sender) {
        List<Receiver> receivers = new ArrayList<>();
        switch (to) {
            case Address.Instance instance -> sessions.serving(instance.service())
                    .ifPresent(s -> receivers.add(new Receiver(instance.service(), s)));
            case Address.EveryOfKind every -> sessions.ofKind(every.kind())
                    .forEach((service, s) -> receivers.add(new Receiver(service, s)));
            case Address.OneOfKind one -> pickOne(one.kind(), sender).ifPresent(receivers::add);
            case Address.Topic topic -> sessions.subscribers(topic.topic())
                    .forEach(s -> receivers.add(new Receiver(s.identity(), s)));
            case Address.Everyone everyone -> sessions.all()
                    .forEach(s -> receivers.add(new Receiver(s.identity(), s)));
        }
        receivers.removeIf(r -> r.session() == sender || !r.session().isOpen());
        return receivers;
    }

    /**
     * One instance of a kind that takes new work (not draining or retired): the lowest
     * load penalty among those with stats, else the next in turn.
     */
    private Optional<Receiver> pickOne(String kind, ClientSession sender) {
        List<Receiver> candidates = new ArrayList<>();
        sessions.ofKind(kind).forEach((service, s) -> {
            ServiceState state = registry.get(service).map(ServiceEntry::state).orElse(ServiceState.UP);
            if (s != sender && s.isOpen() && state == ServiceState.UP) {
                candidates.add(new Receiver(service, s));
            }
        });
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        List<Receiver> withStats = candidates.stream()
                .filter(r -> registry.get(r.service()).map(ServiceEntry::stats).isPresent())
                .toList();
        if (!withStats.isEmpty()) {
            return withStats.stream().min(Comparator.comparingDouble(
                    r -> registry.get(r.service()).map(e -> e.stats().penalty()).orElse(Double.MAX_VALUE)));
        }
        candidates.sort(Comparator.comparing(r -> r.service().toString()));
        return Optional.of(candidates.get(Math.floorMod(roundRobin.getAndIncrement(), candidates.size())));
    }

    /** Delivers one frame to each receiving session once (a session serving two matched services gets it once). */
    public int deliverOnce(Numbered frame, List<Receiver> receivers) {
        if (receivers.isEmpty()) {
            return 0;
        }
        PreparedFrame prepared = PreparedFrame.of(frame);
        Set<ClientSession> done = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Receiver receiver : receivers) {
            if (done.add(receiver.session())) {
                receiver.session().deliver(prepared);
            }
        }
        return done.size();
    }
}
