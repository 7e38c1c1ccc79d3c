package dev.roadie.hub.api;

import dev.roadie.hub.messaging.MessageRefusedException;
import dev.roadie.hub.messaging.Messaging;
import dev.roadie.hub.messaging.Sender;
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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/send}, {@code /api/request} and {@code /api/gather}: the socket's messaging for
 * clients that cannot keep a socket open (the Chrome extension, curl, cron jobs). The caller
 * sends as the service its token names, through the same {@code Messaging} as the socket, so with
 * the same scopes and quotas; a quota that is full answers 429 {@code limit-reached}.
 */
public final class MessagingController {
    private final Messaging messaging;

    public MessagingController(Messaging messaging) {
        this.messaging = messaging;
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
        Sender sender = Sender.rest(ApiAuth.principal(ctx));
        Outgoing out = read(ctx);
        Message message = valid(() -> new Message(0, UUID.randomUUID().toString(), sender.identity(), out.to(),
                out.subject(), out.body(), out.durable()));
        int delivered;
        try {
            delivered = messaging.send(sender, message);
        } catch (MessageRefusedException e) {
            throw refused(e);
        }
        ctx.status(202).json(new Delivered(delivered));
    }

    void request(Context ctx) {
        Sender sender = Sender.rest(ApiAuth.principal(ctx));
        Outgoing out = read(ctx);
        Request request = valid(() -> new Request(0, UUID.randomUUID().toString(), null, out.to(), out.subject(),
                out.body(), out.timeoutMs()));
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        try {
            messaging.request(sender, request, reply::complete);
        } catch (MessageRefusedException e) {
            throw refused(e);
        }
        ctx.future(() -> reply.thenAccept(answer -> ctx.status(statusOf(answer)).json(answer)));
    }

    void gather(Context ctx) {
        Sender sender = Sender.rest(ApiAuth.principal(ctx));
        Outgoing out = read(ctx);
        Gather gather = valid(() -> new Gather(0, UUID.randomUUID().toString(), out.to(), out.subject(), out.body(),
                out.timeoutMs(), out.mode(), out.quorum()));
        CompletableFuture<GatherResult> result = new CompletableFuture<>();
        try {
            messaging.gather(sender, gather, result::complete);
        } catch (MessageRefusedException e) {
            throw refused(e);
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

    /** A refusal as REST answers it: the same code and message, with the status that fits the code. */
    private static ApiException refused(MessageRefusedException e) {
        int status = switch (e.code()) {
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case LIMIT_REACHED -> 429;
            // The cluster's Redis cannot be reached: the hub's upstream, not the caller, failed.
            case UPSTREAM_FAILED -> 503;
            default -> 400;
        };
        return new ApiException(status, e.code(), e.getMessage());
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
