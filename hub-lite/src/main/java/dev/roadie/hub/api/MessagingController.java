package dev.roadie.hub.api;

import dev.roadie.hub.auth.Principal;
import dev.roadie.hub.context.HubContext;
import dev.roadie.hub.routing.QuotaExceededException;
import dev.roadie.hub.routing.Receiver;
import dev.roadie.hub.routing.Requester;
import dev.roadie.hub.routing.UnknownReceiverException;
import dev.roadie.hub.auth.Permissions;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.FrameException;
import dev.roadie.model.wire.Gather;
import dev.roadie.model.wire.GatherMode;
import dev.roadie.model.wire.GatherResult;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Reply;
import dev.roadie.model.wire.Request;
import io.javalin.http.Context;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/send}, {@code /api/request} and {@code /api/gather}: the socket's messaging for
 * clients that cannot keep a socket open (the Chrome extension, curl, cron jobs). The caller
 * sends as the service its token names, with the same scopes and quotas; a quota that is full
 * answers 429 {@code limit-reached}.
 */
public final class MessagingController {
    private final HubContext hub;

    public MessagingController(HubContext hub) {
        this.hub = hub;
    }

    /** What a REST caller posts. */
    record Outgoing(Address to, String subject, JsonNode body, boolean durable, long timeoutMs, GatherMode mode,
            int quorum) {
    }

    /** How many sessions a message reached. */
    record Delivered(@com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS) int delivered) {
    }

    void send(Context ctx) {
        Principal principal = ApiAuth.principal(ctx);
        Outgoing out = read(ctx);
        requireSend(principal, out.to());
        Message message = valid(() -> new Message(0, UUID.randomUUID().toString(), sender(principal), out.to(),
                out.subject(), out.body(), out.durable()));
        List<Receiver> receivers = hub.router().resolve(out.to(), null);
        int delivered;
        try {
            delivered = hub.router().deliver(message, receivers);
        } catch (UnknownReceiverException e) {
            throw new ApiException(404, ErrorCode.NOT_FOUND, e.getMessage());
        } catch (QuotaExceededException e) {
            throw limitReached(e);
        }
        hub.metrics().framesOut(delivered);
        if (delivered == 0) {
            hub.metrics().noRoute("message");
        }
        ctx.status(202).json(new Delivered(delivered));
    }

    void request(Context ctx) {
        Principal principal = ApiAuth.principal(ctx);
        Outgoing out = read(ctx);
        requireSend(principal, out.to());
        if (out.to().isMany()) {
            throw new ApiException(400, ErrorCode.INVALID_FRAME, "a request goes to one receiver: address "
                    + "service:KIND/NAME or one:KIND, or use /api/gather");
        }
        Request request = valid(() -> new Request(0, UUID.randomUUID().toString(), null, out.to(), out.subject(),
                out.body(), out.timeoutMs()));
        List<Receiver> receivers = hub.router().resolve(out.to(), null);
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        if (receivers.isEmpty()) {
            reply.complete(hub.requests().noRoute(request));
        } else {
            try {
                hub.requests().request(request, Requester.rest(principal), receivers.getFirst(),
                        hub.deadlineMs(out.timeoutMs()), reply::complete);
            } catch (QuotaExceededException e) {
                throw limitReached(e);
            }
        }
        ctx.future(() -> reply.thenAccept(answer -> ctx.status(statusOf(answer)).json(answer)));
    }

    void gather(Context ctx) {
        Principal principal = ApiAuth.principal(ctx);
        Outgoing out = read(ctx);
        requireSend(principal, out.to());
        Gather gather = valid(() -> new Gather(0, UUID.randomUUID().toString(), out.to(), out.subject(), out.body(),
                out.timeoutMs(), out.mode(), out.quorum()));
        List<Receiver> receivers = hub.router().resolve(out.to(), null);
        if (receivers.isEmpty()) {
            hub.metrics().noRoute("gather");
        }
        CompletableFuture<GatherResult> result = new CompletableFuture<>();
        try {
            hub.requests().gather(gather, Requester.rest(principal), receivers, hub.deadlineMs(out.timeoutMs()),
                    result::complete);
        } catch (QuotaExceededException e) {
            throw limitReached(e);
        }
        ctx.future(() -> result.thenAccept(answer -> ctx.json(answer)));
    }

    private Outgoing read(Context ctx) {
        try {
            Outgoing out = FrameCodec.DEFAULT.fromTree(FrameCodec.DEFAULT.mapper().readTree(ctx.body()), Outgoing.class);
            if (out.to() == null || out.subject() == null || out.subject().isBlank()) {
                throw new ApiException(400, ErrorCode.INVALID_FRAME, "'to' and 'subject' are required");
            }
            return out;
        } catch (FrameException e) {
            throw new ApiException(400, e.code(), e.getMessage().replaceFirst("^body: ", ""));
        } catch (JacksonException e) {
            throw new ApiException(400, ErrorCode.BAD_JSON, "the body is not valid JSON");
        }
    }

    /** Builds a frame from the caller's fields; a field the frame refuses is the caller's mistake: 400. */
    private static <T> T valid(java.util.function.Supplier<T> frame) {
        try {
            return frame.get();
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, ErrorCode.INVALID_FRAME, e.getMessage());
        }
    }

    private static void requireSend(Principal principal, Address to) {
        Permissions.refusalToSend(principal, to).ifPresent(why -> {
            throw new ApiException(403, ErrorCode.FORBIDDEN, why);
        });
    }

    private static ApiException limitReached(QuotaExceededException e) {
        return new ApiException(429, ErrorCode.LIMIT_REACHED, e.getMessage());
    }

    private static ServiceId sender(Principal principal) {
        return new ServiceId(principal.kind(), principal.name());
    }

    private static int statusOf(Reply reply) {
        return switch (reply.status()) {
            case OK, ERROR, NO_HANDLER -> 200;
            case NO_ROUTE -> 404;
            case TIMEOUT -> 504;
            case GONE -> 502;
        };
    }
}
