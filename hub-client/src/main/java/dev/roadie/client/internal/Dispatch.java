package dev.roadie.client.internal;

import dev.roadie.client.IncomingMessage;
import dev.roadie.client.IncomingRequest;
import dev.roadie.client.MessageHandler;
import dev.roadie.client.RequestHandler;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Reply;
import dev.roadie.model.wire.Request;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands delivered messages to the application's handlers on the event thread, after dropping
 * duplicate messages by sender and id, and requests to theirs on the request threads, through
 * the event thread so that a request handler sees everything that arrived before its request.
 * Called in the protocol loop.
 */
final class Dispatch {
    private static final Logger log = LoggerFactory.getLogger(Dispatch.class);

    private final String client;
    private final Registrations handlers;
    private final Protocol protocol;
    private final RequestRunner requests;
    private final RecentMessages recent = new RecentMessages(RecentMessages.CAPACITY);

    Dispatch(String client, Registrations handlers, Protocol protocol, RequestRunner requests) {
        this.client = client;
        this.handlers = handlers;
        this.protocol = protocol;
        this.requests = requests;
    }

    /** Hands a message to its handlers on the event thread, unless it is a duplicate. */
    void deliver(Message message) {
        if (message.from() != null && !recent.firstTime(message.from(), message.id())) {
            log.debug("[{}] Dropped a duplicate of message {} from {}", client, message.id(), message.from());
            return;
        }
        IncomingMessage incoming = new IncomingMessage(message.id(), message.from(), message.to(), message.subject(),
                message.body(), message.durable());
        if (message.to() instanceof Address.Topic topic) {
            List<Handle<MessageHandler>> list = handlers.topic(topic.topic());
            if (list.isEmpty()) {
                log.debug("[{}] No handler for a message on topic {}", client, topic.topic());
            }
            for (Handle<MessageHandler> handle : list) {
                protocol.onEvents(() -> {
                    if (!handle.isClosed()) {
                        HandlerRunner.message(client, handle.handler, incoming);
                    }
                });
            }
            return;
        }
        Handle<MessageHandler> handle = handlers.direct(message.subject());
        if (handle == null) {
            log.debug("[{}] No handler for direct messages of subject '{}' (from {})", client, message.subject(),
                    message.from());
            return;
        }
        protocol.onEvents(() -> HandlerRunner.message(client, handle.handler, incoming));
    }

    /**
     * Hands a request to its handler on a request thread, or answers no-handler at once. The
     * hand-over comes after the application code handed to the event thread before it, so the
     * handlers of what arrived before (a message that sets up what the request asks about) have
     * run when it starts; when nothing is waiting there it is made at once, without a hop through
     * the event thread.
     */
    void serve(Request request, ServiceId self) {
        Handle<RequestHandler> handle = handlers.request(request.subject());
        if (handle == null) {
            protocol.reply(HandlerRunner.noHandler(request.id(), self, request.subject()));
            return;
        }
        IncomingRequest incoming = new IncomingRequest(request.id(), request.from(), request.subject(), request.body(),
                Duration.ofMillis(request.timeoutMs()));
        protocol.afterEvents(() -> requests.run(() -> {
            Reply answer = HandlerRunner.request(client, handle.handler, incoming);
            protocol.onTimer(() -> protocol.reply(answer));
        }));
    }
}
