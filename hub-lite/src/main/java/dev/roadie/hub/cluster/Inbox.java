package dev.roadie.hub.cluster;

import dev.roadie.hub.routing.Receiver;
import dev.roadie.hub.routing.Requests;
import dev.roadie.hub.routing.Router;
import dev.roadie.hub.session.ClientSession;
import dev.roadie.hub.session.PreparedFrame;
import dev.roadie.hub.session.SessionTable;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Reply;
import dev.roadie.model.wire.ReplyStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * What other hubs publish to this hub's channel, handed to its sessions: messages to deliver,
 * requests to ask, replies to calls this hub made; registry changes to the services it holds,
 * and the answers to those it asked of others. It runs on the Redis listener's thread, so it
 * only hands frames on; it never waits for Redis.
 */
final class Inbox {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Inbox.class);
    private final SessionTable sessions;
    private final Router router;
    private final Requests requests;
    /** Publishes an answer to the hub named first. */
    private final BiConsumer<String, Reply> answer;
    private final dev.roadie.hub.registry.Registry registry;
    private final RegistryWrites writes;
    /** Publishes an envelope, as it is, to the hub named first. */
    private final BiConsumer<String, String> publish;

    Inbox(SessionTable sessions, Router router, Requests requests, BiConsumer<String, Reply> answer,
            dev.roadie.hub.registry.Registry registry, RegistryWrites writes, BiConsumer<String, String> publish) {
        this.sessions = sessions;
        this.router = router;
        this.requests = requests;
        this.answer = answer;
        this.registry = registry;
        this.writes = writes;
        this.publish = publish;
    }

    void handle(Envelope envelope) {
        switch (envelope) {
            case Envelope.Deliver deliver -> {
                List<Receiver> receivers = new ArrayList<>();
                for (ServiceId service : deliver.services()) {
                    serving(service).ifPresent(session -> receivers.add(new Receiver(service, session)));
                }
                // What another hub thought was here and has left since is dropped, as for a local link that died.
                router.deliverOnce(deliver.message(), receivers);
            }
            case Envelope.Stored stored -> {
                // One it missed (it left meanwhile) waits in Redis for its next hello, on whichever hub.
                PreparedFrame prepared = PreparedFrame.of(stored.message());
                for (int i = 0; i < stored.services().size(); i++) {
                    long id = stored.ids().get(i);
                    serving(stored.services().get(i)).ifPresent(session -> session.deliver(prepared, id));
                }
            }
            case Envelope.Ask ask -> serving(ask.service()).ifPresentOrElse(
                    session -> requests.askedFromElsewhere(ask.request(), new Receiver(ask.service(), session),
                            ask.timeoutMs(), reply -> answer.accept(ask.from(), reply)),
                    () -> answer.accept(ask.from(), Reply.failed(ask.request().id(), ReplyStatus.GONE,
                            ReplyStatus.GONE.wire(), ask.service() + " is no longer connected to the hub it was on")));
            case Envelope.Answer reply -> requests.answered(reply.from(), reply.reply());
            case Envelope.Write write -> RegistryWrites.make(write, registry, publish);
            case Envelope.Written written -> writes.written(written);
            case Envelope.Replace replace -> IdentityClaims.replaced(replace, sessions);
            case Envelope.Batch batch -> {
                for (Envelope one : batch.envelopes()) {
                    try {
                        handle(one);
                    } catch (RuntimeException e) {
                        // One that cannot be handled must not cost the others published with it.
                        log.warn("Dropped an envelope from another hub that this hub cannot handle: {}", e.toString());
                    }
                }
            }
        }
    }

    private Optional<ClientSession> serving(ServiceId service) {
        return sessions.serving(service).filter(session -> !session.isEnded());
    }
}
