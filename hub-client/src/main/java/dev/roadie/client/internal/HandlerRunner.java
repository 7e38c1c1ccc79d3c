package dev.roadie.client.internal;

import dev.roadie.client.IncomingMessage;
import dev.roadie.client.IncomingRequest;
import dev.roadie.client.MessageHandler;
import dev.roadie.client.RequestFailedException;
import dev.roadie.client.RequestHandler;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.FrameException;
import dev.roadie.model.wire.Problem;
import dev.roadie.model.wire.Reply;
import dev.roadie.model.wire.ReplyStatus;
import tools.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs application handlers (on the event thread or a request thread) and turns what they do into replies. */
final class HandlerRunner {
    private static final Logger log = LoggerFactory.getLogger(HandlerRunner.class);

    /** The error code of a reply whose handler threw something other than {@link RequestFailedException}. */
    static final String HANDLER_FAILED = "handler-failed";

    private HandlerRunner() {
    }

    static void message(String client, MessageHandler handler, IncomingMessage message) {
        try {
            handler.onMessage(message);
        } catch (Exception | LinkageError e) {
            // One bad message must not stop the next ones.
            log.warn("[{}] The handler of '{}' from {} failed; the next message is handled as usual", client,
                    message.subject(), message.from(), e);
        }
    }

    /** Runs a request handler; returns the reply to send (re = the hub's request id, no seq, no id yet). */
    static Reply request(String client, RequestHandler handler, IncomingRequest request) {
        try {
            Object result = handler.handle(request);
            JsonNode body = result == null ? null
                    : result instanceof JsonNode node ? node : FrameCodec.DEFAULT.toTree(result);
            return new Reply(0, null, request.id(), null, ReplyStatus.OK, body, null);
        } catch (RequestFailedException e) {
            return failed(request, e.code(), e.getMessage());
        } catch (FrameException e) {
            return failed(request, e.code().wire(), e.getMessage());
        } catch (Exception | LinkageError e) {
            log.warn("[{}] The handler of request '{}' from {} failed", client, request.subject(), request.from(), e);
            return failed(request, HANDLER_FAILED, e.toString());
        }
    }

    static Reply noHandler(String re, ServiceId self, String subject) {
        return new Reply(0, null, re, null, ReplyStatus.NO_HANDLER, null,
                new Problem(ReplyStatus.NO_HANDLER.wire(), (self == null ? "this client" : self.toString())
                        + " handles no requests of subject '" + subject + "'"));
    }

    private static Reply failed(IncomingRequest request, String code, String message) {
        return new Reply(0, null, request.id(), null, ReplyStatus.ERROR, null,
                new Problem(code == null || code.isBlank() ? ErrorCode.INTERNAL.wire() : code, message));
    }
}
