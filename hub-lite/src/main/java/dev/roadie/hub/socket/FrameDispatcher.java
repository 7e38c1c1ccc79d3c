package dev.roadie.hub.socket;

import dev.roadie.hub.auth.Permissions;
import dev.roadie.hub.certs.CertificateRefusedException;
import dev.roadie.hub.context.HubContext;
import dev.roadie.hub.hubcalls.HubCalls;
import dev.roadie.hub.messaging.MessageRefusedException;
import dev.roadie.hub.messaging.Sender;
import dev.roadie.hub.registry.AnnounceRefusedException;
import dev.roadie.hub.registry.Announced;
import dev.roadie.hub.session.ClientSession;
import dev.roadie.model.certs.CertificateNames;
import dev.roadie.model.certs.CertificateSubjects;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Ack;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.Announce;
import dev.roadie.model.wire.CloseCode;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.ErrorFrame;
import dev.roadie.model.wire.Frame;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.FrameException;
import dev.roadie.model.wire.FrameTypes;
import dev.roadie.model.wire.Gather;
import dev.roadie.model.wire.GatherResult;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Numbered;
import dev.roadie.model.wire.Ping;
import dev.roadie.model.wire.Pong;
import dev.roadie.model.wire.Reply;
import dev.roadie.model.wire.ReplyStatus;
import dev.roadie.model.wire.Request;
import dev.roadie.model.wire.StateChange;
import dev.roadie.model.wire.Stats;
import dev.roadie.model.wire.Subscribe;
import dev.roadie.model.wire.Unsubscribe;
import dev.roadie.model.wire.Utf8;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles the frames of an authenticated session, one at a time in arrival order. Whatever a
 * frame does wrong ends as an error frame to its sender; nothing a client sends can throw past
 * this class.
 */
final class FrameDispatcher {
    private static final Logger log = LoggerFactory.getLogger(FrameDispatcher.class);

    private final HubContext hub;
    private final HubCalls hubCalls;
    private final FrameCodec codec = FrameCodec.DEFAULT;

    FrameDispatcher(HubContext hub, HubCalls hubCalls) {
        this.hub = hub;
        this.hubCalls = hubCalls;
    }

    void onText(ClientSession session, String text) {
        long now = System.nanoTime();
        session.heard(now);
        if (!session.tryTakeFrame()) {
            hub.metrics().frameIn("rate-limited");
            if (session.droppedAndFlooding(now)) {
                session.end(CloseCode.POLICY, "kept sending over the rate limit");
            } else if (session.shouldWarnRate(now)) {
                refuse(session, null, ErrorCode.RATE_LIMITED, "more than " + hub.config().limits().framesPerSecond()
                        + " frames per second; frames are being dropped");
            }
            return;
        }
        int size = Utf8.length(text, hub.config().limits().maxFrameBytes());
        if (size > hub.config().limits().maxFrameBytes()) {
            hub.metrics().frameIn("too-large");
            refuse(session, null, ErrorCode.TOO_LARGE, "frame of " + size + " bytes is over the limit of "
                    + hub.config().limits().maxFrameBytes() + " bytes");
            return;
        }
        Frame frame;
        try {
            frame = codec.decode(text);
        } catch (FrameException e) {
            hub.metrics().frameIn("invalid");
            refuse(session, e.frameId(), e.code(), e.getMessage());
            return;
        }
        hub.metrics().frameIn(FrameTypes.nameOf(frame));
        switch (frame) {
            case Ping ping -> session.sendControl(new Pong(ping.ts(), hub.epoch()));
            case Pong pong -> log.trace("Pong from {}", session);
            case Ack ack -> session.acknowledged(ack.seq());
            case Numbered numbered -> onNumbered(session, numbered);
            case dev.roadie.model.wire.Hello hello -> refuse(session, null, ErrorCode.ALREADY_AUTHENTICATED,
                    "this connection said hello already");
            default -> refuse(session, null, ErrorCode.INVALID_FRAME,
                    "'" + FrameTypes.nameOf(frame) + "' is not sent by clients after the hello");
        }
    }

    private void onNumbered(ClientSession session, Numbered frame) {
        if (frame.seq() < 0) {
            refuse(session, frame.id(), ErrorCode.INVALID_FRAME, "'seq' must not be negative");
            return;
        }
        if (!session.acceptClientSeq(frame.seq())) {
            // A replay of something already processed: confirm it again, do it not twice.
            session.processed(session.lastClientSeq());
            return;
        }
        try {
            handle(session, frame);
        } catch (FrameException e) {
            refuse(session, frame.id(), e.code(), e.getMessage());
        } catch (MessageRefusedException e) {
            refuse(session, frame.id(), e.code(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("Failed to handle {} from {}", FrameTypes.nameOf(frame), session, e);
            refuse(session, frame.id(), ErrorCode.INTERNAL, "the hub failed to handle this frame; it is logged");
        }
        // After handling: whatever the frame produced for this session (an error, a no-route
        // reply, a snapshot) is written already, so no ack covering it can overtake it.
        if (frame.seq() > 0) {
            session.processed(frame.seq());
        }
    }

    private void handle(ClientSession session, Numbered frame) {
        switch (frame) {
            case Message message -> onMessage(session, message);
            case Request request when request.to() instanceof Address.Hub -> hubCalls.answer(session, request);
            case Request request -> onRequest(session, request);
            case Reply reply -> onReply(session, reply);
            case Gather gather -> onGather(session, gather);
            case Subscribe subscribe -> onSubscribe(session, subscribe);
            case Unsubscribe unsubscribe -> hub.sessions().unsubscribe(session, unsubscribe.topic());
            case Announce announce -> onAnnounce(session, announce);
            case Stats stats -> onStats(session, stats);
            case StateChange change -> onStateChange(session, change);
            case ErrorFrame error -> log.debug("{} reports an error: {} {}", session, error.code(), error.message());
            case GatherResult result -> throw new FrameException(ErrorCode.INVALID_FRAME, result.id(),
                    "only the hub sends gather-result");
        }
    }

    private void onMessage(ClientSession session, Message message) {
        if (message.to() instanceof dev.roadie.model.wire.Address.Topic topic
                && CertificateNames.isCertificateTopic(topic.topic())
                && CertificateSubjects.INSTALLED.equals(message.subject())) {
            onInstalled(session, message, CertificateNames.fromTopic(topic.topic()));
            return;
        }
        hub.messaging().send(Sender.of(session), message);
    }

    /** A service reports the serial it installed: the hub records it and relays it to nobody. */
    private void onInstalled(ClientSession session, Message message, String name) {
        if (!CertificateNames.isValid(name)) {
            throw new FrameException(ErrorCode.INVALID_FRAME, message.id(), CertificateNames.RULE);
        }
        Permissions.refusalToSubscribe(session.principal(), CertificateNames.TOPIC_PREFIX + name).ifPresent(why -> {
            throw forbidden(message.id(), why);
        });
        var body = message.body();
        var serial = body == null ? null : body.get("serial");
        if (serial == null || !serial.isString()) {
            throw new FrameException(ErrorCode.INVALID_FRAME, message.id(), CertificateSubjects.INSTALLED
                    + " needs a body {\"serial\": \"<hex>\"}: 'serial' is missing");
        }
        try {
            hub.certs().recordInstalled(name, session.identity().toString(), serial.stringValue());
        } catch (CertificateRefusedException e) {
            throw new FrameException(ErrorCode.INVALID_FRAME, message.id(), e.getMessage());
        }
    }

    private void onRequest(ClientSession session, Request request) {
        hub.messaging().request(Sender.of(session), request, session::deliver);
    }

    private void onReply(ClientSession session, Reply reply) {
        if (!RECEIVER_STATUSES.contains(reply.status())) {
            throw new FrameException(ErrorCode.INVALID_FRAME, reply.id(), "a receiver replies ok, error or no-handler;"
                    + " " + reply.status().wire() + " is the hub's to say");
        }
        switch (hub.requests().reply(session, reply)) {
            case ACCEPTED -> { }
            // Normal after a deadline or a satisfied gather: the requester has its answer already.
            case NOT_WAITING -> log.debug("Late reply to {} from {} dropped", reply.re(), session);
            case NOT_YOURS -> throw new FrameException(ErrorCode.FORBIDDEN, reply.id(), "request '" + reply.re()
                    + "' was not sent to you");
        }
    }

    private void onGather(ClientSession session, Gather gather) {
        hub.messaging().gather(Sender.of(session), gather, session::deliver);
    }

    private void onSubscribe(ClientSession session, Subscribe subscribe) {
        boolean certificate = CertificateNames.isCertificateTopic(subscribe.topic());
        if (certificate && !CertificateNames.isValid(CertificateNames.fromTopic(subscribe.topic()))) {
            throw new FrameException(ErrorCode.INVALID_FRAME, subscribe.id(), CertificateNames.RULE);
        }
        Permissions.refusalToSubscribe(session.principal(), subscribe.topic()).ifPresent(why -> {
            throw forbidden(subscribe.id(), why);
        });
        int max = hub.config().limits().maxSubscriptions();
        if (!session.topics().contains(subscribe.topic()) && session.topics().size() >= max) {
            throw new FrameException(ErrorCode.LIMIT_REACHED, subscribe.id(), "at most " + max + " subscriptions");
        }
        if (hub.sessions().subscribe(session, subscribe.topic())
                && dev.roadie.model.registry.RegistryEvent.TOPIC.equals(subscribe.topic())) {
            // A new subscriber first learns what is there, then what changes.
            hub.registryEvents().snapshotTo(session, hub.registry()::listEverywhere);
        }
        if (certificate) {
            // A subscriber gets the certificate at once, then every renewal.
            hub.certTopics().sendCurrent(session, CertificateNames.fromTopic(subscribe.topic()));
        }
    }

    private void onAnnounce(ClientSession session, Announce announce) {
        ServiceId id = announce.service().id();
        Permissions.refusalToAnnounce(session.principal(), id).ifPresent(why -> {
            throw forbidden(announce.id(), why);
        });
        if (announce.takeover() && !session.principal().isAdmin()) {
            throw forbidden(announce.id(), "only an admin token may take over a service (takeover: true);"
                    + " announce without it");
        }
        int max = hub.config().limits().maxServicesPerConnection();
        // The session's own identity is in services() too; only announced ones count.
        long announced = session.services().stream().filter(s -> !s.equals(session.identity())).count();
        if (!session.services().contains(id) && announced >= max) {
            throw new FrameException(ErrorCode.LIMIT_REACHED, announce.id(), "at most " + max
                    + " services per connection");
        }
        // The owner is the announcing connection's KIND/NAME: its token's identity, unique, unlike a token name alone.
        String owner = session.identity().toString();
        Announced result;
        try {
            result = hub.registry().announce(announce.service(), owner, announce.takeover());
        } catch (AnnounceRefusedException e) {
            throw new FrameException(e.code(), announce.id(), e.getMessage());
        }
        result.takenFrom().ifPresent(from -> hub.audit().record("socket:" + owner, "service.takeover",
                id + " from " + from));
        hub.sessions().serve(id, session).ifPresent(previous -> previous.services().remove(id));
        hub.router().deliverWaiting(id, session);
    }

    private void onStats(ClientSession session, Stats stats) {
        requireOwner(session, stats.service(), stats.id());
        // Implausible figures (negative players or loads, NaN) would win least-loaded routing.
        stats.stats().problem().ifPresent(problem -> {
            throw new FrameException(ErrorCode.INVALID_FRAME, stats.id(), problem);
        });
        if (hub.registry().get(stats.service()).isPresent()) {
            hub.registry().stats(stats.service(), stats.stats());
        } else {
            toldWhenRefused(session, stats.id(), hub.registry().statsWherever(stats.service(), stats.stats()));
        }
    }

    private void onStateChange(ClientSession session, StateChange change) {
        requireOwner(session, change.service(), change.id());
        // Made here at once when this hub holds it; by the hub that does in a cluster (it moved, or was never here).
        toldWhenRefused(session, change.id(), hub.registry().setStateWherever(change.service(), change.state(),
                session.identity().toString()));
    }

    /** A change made by the other hub of the cluster that holds the service: the sender hears only if it was not made. */
    private void toldWhenRefused(ClientSession session, String frameId,
            java.util.concurrent.CompletableFuture<java.util.Optional<dev.roadie.model.registry.ServiceEntry>> made) {
        made.whenComplete((entry, failed) -> {
            if (failed != null) {
                Throwable why = failed instanceof java.util.concurrent.CompletionException ? failed.getCause() : failed;
                refuse(session, frameId, ErrorCode.UPSTREAM_FAILED, why.getMessage());
            } else if (entry.isEmpty()) {
                refuse(session, frameId, ErrorCode.NOT_FOUND, "no service with that name in the registry of any hub;"
                        + " announce it first");
            }
        });
    }

    private void requireOwner(ClientSession session, ServiceId service, String frameId) {
        if (hub.registry().get(service).isEmpty() && hub.registry().getEverywhere(service).isPresent()) {
            // Held by another hub of the cluster: only an admin may change it from here (its connection is there).
            if (!session.principal().isAdmin()) {
                throw new FrameException(ErrorCode.FORBIDDEN, frameId, "only the connection that announced " + service
                        + " (or an admin) may change it");
            }
            return;
        }
        if (hub.registry().get(service).isEmpty()) {
            throw new FrameException(ErrorCode.NOT_FOUND, frameId, "no service " + service + " in the registry;"
                    + " announce it first");
        }
        if (!session.services().contains(service) && !session.principal().isAdmin()) {
            throw new FrameException(ErrorCode.FORBIDDEN, frameId, "only the connection that announced " + service
                    + " (or an admin) may change it");
        }
    }


    private static final java.util.Set<ReplyStatus> RECEIVER_STATUSES =
            java.util.EnumSet.of(ReplyStatus.OK, ReplyStatus.ERROR, ReplyStatus.NO_HANDLER);

    private static FrameException forbidden(String frameId, String why) {
        return new FrameException(ErrorCode.FORBIDDEN, frameId, why);
    }

    private void refuse(ClientSession session, String re, ErrorCode code, String message) {
        hub.metrics().error(code.wire());
        session.error(re, code, message);
    }
}
