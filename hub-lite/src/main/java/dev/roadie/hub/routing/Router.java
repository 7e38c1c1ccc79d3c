package dev.roadie.hub.routing;

import dev.roadie.hub.auth.TokenService;
import dev.roadie.hub.registry.Registry;
import dev.roadie.hub.session.ClientSession;
import dev.roadie.hub.session.PreparedFrame;
import dev.roadie.hub.session.SessionTable;
import dev.roadie.model.registry.ServiceEntry;
import dev.roadie.model.registry.ServiceState;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Numbered;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an address into receivers. The sender is never one of its own receivers. In a cluster,
 * receivers served by other hubs come from {@link Elsewhere}, asked only for what is not served
 * here: a message for a local receiver never leaves the hub.
 */
public final class Router {
    private static final Logger log = LoggerFactory.getLogger(Router.class);
    private final SessionTable sessions;
    private final Registry registry;
    private final DurableMessages durable;
    private final KnownReceivers known;
    private final Elsewhere elsewhere;
    private final AtomicInteger roundRobin = new AtomicInteger();

    /** The router of a hub on its own. */
    public Router(SessionTable sessions, Registry registry, DurableMessages durable, TokenService tokens) {
        this(sessions, registry, durable, tokens, Elsewhere.NONE);
    }

    /** The router of a hub in a cluster, which finds what it does not serve {@code elsewhere}. */
    public Router(SessionTable sessions, Registry registry, DurableMessages durable, TokenService tokens,
            Elsewhere elsewhere) {
        this.sessions = sessions;
        this.registry = registry;
        this.durable = durable;
        this.known = new KnownReceivers(registry, tokens, durable);
        this.elsewhere = elsewhere;
    }

    /** The receivers {@code to} names now, without {@code sender}. */
    public List<Receiver> resolve(Address to, ClientSession sender) {
        List<Receiver> receivers = new ArrayList<>();
        switch (to) {
            case Address.Instance instance -> sessions.serving(instance.service()).ifPresentOrElse(
                    s -> receivers.add(new Receiver(instance.service(), s)),
                    () -> receivers.addAll(elsewhere.receivers(to)));
            case Address.EveryOfKind every -> {
                sessions.ofKind(every.kind()).forEach((service, s) -> receivers.add(new Receiver(service, s)));
                receivers.addAll(elsewhere.receivers(to));
            }
            case Address.OneOfKind one -> pickOne(one, sender).ifPresent(receivers::add);
            case Address.Topic topic -> {
                sessions.subscribers(topic.topic()).forEach(s -> receivers.add(new Receiver(s.identity(), s)));
                receivers.addAll(elsewhere.receivers(to));
            }
            case Address.Everyone everyone -> {
                sessions.all().forEach(s -> receivers.add(new Receiver(s.identity(), s)));
                receivers.addAll(elsewhere.receivers(to));
            }
            // The hub answers these itself (HubCalls); Messaging refuses any other use.
            case Address.Hub hub -> { }
        }
        // Detached sessions stay receivers: what they are sent waits for their resume.
        receivers.removeIf(r -> r.isElsewhere() ? isSender(r.service(), sender)
                : r.session() == sender || r.session().isEnded());
        return receivers;
    }

    /** Whether another hub still lists the sender's own identity (it moved here and that hub has not noticed yet). */
    private static boolean isSender(ServiceId service, ClientSession sender) {
        return sender != null && service.equals(sender.identity());
    }

    /**
     * One instance of a kind that takes new work (not draining or retired), here or on another
     * hub of a cluster: the lowest load penalty among those with stats, else the next in turn,
     * here before elsewhere (a local one costs no publish). On a tie in load a local one wins.
     */
    private Optional<Receiver> pickOne(Address.OneOfKind one, ClientSession sender) {
        List<Receiver> local = new ArrayList<>();
        sessions.ofKind(one.kind()).forEach((service, s) -> {
            ServiceState state = registry.get(service).map(ServiceEntry::state).orElse(ServiceState.UP);
            if (s != sender && s.isAttached() && state == ServiceState.UP) {
                local.add(new Receiver(service, s));
            }
        });
        List<Receiver> remote = new ArrayList<>(elsewhere.receivers(one));
        remote.removeIf(r -> isSender(r.service(), sender));
        Map<Receiver, Double> penalties = new LinkedHashMap<>();
        local.forEach(r -> registry.get(r.service()).map(ServiceEntry::stats)
                .ifPresent(stats -> penalties.put(r, stats.penalty())));
        remote.forEach(r -> elsewhere.penalty(r).ifPresent(penalty -> penalties.put(r, penalty)));
        if (!penalties.isEmpty()) {
            return penalties.entrySet().stream().min(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
        }
        List<Receiver> candidates = local.isEmpty() ? remote : local;
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        candidates.sort(Comparator.comparing(r -> r.service().toString()));
        return Optional.of(candidates.get(Math.floorMod(roundRobin.getAndIncrement(), candidates.size())));
    }

    /**
     * Delivers a message, durable or not; returns how many sessions it reached now. A durable
     * message is stored for each receiver before it is sent (and for an addressed instance that
     * is not connected, to wait for it), so that it survives a hub restart.
     *
     * Receivers on other hubs get a plain message with one publish per hub, before any local
     * one, so that a cluster that cannot be reached refuses it whole. A durable message is
     * stored first, in the store the hubs share, then sent to its local receivers and, with one
     * publish per hub, to those on other hubs, naming what each copy was stored as.
     *
     * @throws UnknownReceiverException      when a durable message names a service the hub does not know
     * @throws QuotaExceededException        when storing a durable message would pass a quota
     * @throws ElsewhereUnavailableException when a receiver is on another hub and the cluster cannot be reached,
     *                                       or the cluster's store cannot keep a durable message now
     */
    public int deliver(Message message, List<Receiver> receivers) {
        if (!message.durable()) {
            if (!anyElsewhere(receivers)) {
                return deliverOnce(message, receivers);
            }
            int relayed = relay(message, receivers);
            return relayed + deliverOnce(message, receivers.stream().filter(r -> !r.isElsewhere()).toList());
        }
        List<ServiceId> targets = new ArrayList<>();
        receivers.forEach(r -> targets.add(r.service()));
        if (receivers.isEmpty() && message.to() instanceof Address.Instance instance) {
            if (!known.isKnown(instance.service())) {
                throw new UnknownReceiverException("no service " + instance.service() + " is known to the hub, and a"
                        + " durable message waits only for a service that has a token or was announced: check the"
                        + " name, or create its token first. Nothing was stored");
            }
            targets.add(instance.service());
        }
        if (targets.isEmpty()) {
            return 0;
        }
        List<Long> ids = durable.store(targets, message);
        PreparedFrame prepared = PreparedFrame.of(message);
        Map<String, List<Integer>> byHub = new LinkedHashMap<>();
        for (int i = 0; i < receivers.size(); i++) {
            Receiver receiver = receivers.get(i);
            if (receiver.isElsewhere()) {
                byHub.computeIfAbsent(receiver.hub(), h -> new ArrayList<>()).add(i);
            } else {
                receiver.session().deliver(prepared, ids.get(i));
            }
        }
        byHub.forEach((hub, indexes) -> relayStored(hub, indexes.stream().map(i -> targets.get(i)).toList(),
                indexes.stream().map(ids::get).toList(), message));
        if (receivers.isEmpty()) {
            return handToArrivedMeanwhile(targets.getFirst(), message, prepared, ids.getFirst());
        }
        return receivers.size();
    }

    /**
     * Hands stored copies to the hub whose sessions serve their receivers. It is stored already:
     * when the publish fails, it waits in the shared store until its receiver connects again.
     */
    private void relayStored(String hub, List<ServiceId> services, List<Long> ids, Message message) {
        try {
            elsewhere.deliverStored(hub, services, ids, message);
        } catch (ElsewhereUnavailableException e) {
            log.warn("Stored durable message {} for {} on hub {} but could not hand it there now ({}); it is sent"
                    + " when they connect again", message.id(), services, hub, e.getMessage());
        }
    }

    /**
     * The addressed instance was away when the receivers were looked up. If it connected since,
     * its hello may have asked what waits for it before this message was stored, and would never
     * see it: a session serving it now, here or on another hub, gets it here. Its hello may have
     * found it as well; delivery of durable messages is at least once, and the receiver drops a
     * second copy by id.
     */
    private int handToArrivedMeanwhile(ServiceId instance, Message message, PreparedFrame prepared, long id) {
        Optional<ClientSession> arrived = sessions.serving(instance)
                .filter(session -> !session.isEnded() && !instance.equals(message.from()));
        arrived.ifPresent(session -> session.deliver(prepared, id));
        if (arrived.isPresent()) {
            return 1;
        }
        List<Receiver> there = elsewhere.receivers(message.to());
        if (there.isEmpty() || instance.equals(message.from())) {
            return 0;
        }
        relayStored(there.getFirst().hub(), List.of(instance), List.of(id), message);
        return 1;
    }

    /** Whether another hub of the cluster serves {@code service} now, by this hub's copy of their presence. */
    public boolean servedElsewhere(ServiceId service) {
        return !elsewhere.receivers(Address.service(service.kind(), service.name())).isEmpty();
    }

    /** A plain loop: this runs for every message, and a hub on its own should pay nothing for it. */
    private static boolean anyElsewhere(List<Receiver> receivers) {
        for (int i = 0; i < receivers.size(); i++) {
            if (receivers.get(i).isElsewhere()) {
                return true;
            }
        }
        return false;
    }

    /** One publish per other hub, naming its receivers; returns how many receivers were named. */
    private int relay(Message message, List<Receiver> receivers) {
        Map<String, List<ServiceId>> byHub = new LinkedHashMap<>();
        for (Receiver receiver : receivers) {
            if (receiver.isElsewhere()) {
                byHub.computeIfAbsent(receiver.hub(), h -> new ArrayList<>()).add(receiver.service());
            }
        }
        int named = 0;
        for (Map.Entry<String, List<ServiceId>> hub : byHub.entrySet()) {
            elsewhere.deliver(hub.getKey(), hub.getValue(), message);
            named += hub.getValue().size();
        }
        return named;
    }

    /** Sends {@code session} the durable messages waiting for {@code service}. */
    public void deliverWaiting(ServiceId service, ClientSession session) {
        List<DurableMessages.Pending> waiting;
        try {
            waiting = durable.pendingFor(service);
        } catch (ElsewhereUnavailableException e) {
            // A cluster's durable messages live in Redis: while it cannot be reached the session
            // still opens (a hub cut off keeps serving what it can), and they stay stored.
            log.warn("{} connected, but its durable messages cannot be read now ({}); they stay stored and"
                    + " reach it at its next hello or announce once Redis is back", service, e.getMessage());
            return;
        }
        for (DurableMessages.Pending pending : waiting) {
            session.deliver(pending.frame(), pending.id());
        }
    }

    /** Delivers one frame to each receiving session once (a session serving two matched services gets it once). */
    public int deliverOnce(Numbered frame, List<Receiver> receivers) {
        if (receivers.isEmpty()) {
            return 0;
        }
        PreparedFrame prepared = PreparedFrame.of(frame);
        if (receivers.size() == 1) {
            // The common one-to-one case needs no set of sessions already served.
            receivers.getFirst().session().deliver(prepared);
            return 1;
        }
        Set<ClientSession> done = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Receiver receiver : receivers) {
            if (done.add(receiver.session())) {
                receiver.session().deliver(prepared);
            }
        }
        return done.size();
    }
}
