package dev.roadie.hub.socket;

import dev.roadie.hub.session.ClientSession;
import dev.roadie.hub.session.PreparedFrame;
import dev.roadie.hub.session.SessionTable;
import dev.roadie.model.registry.RegistryEvent;
import dev.roadie.model.registry.RegistrySnapshot;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Message;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.List;
import dev.roadie.model.registry.ServiceEntry;

/**
 * Publishes registry changes on topic {@code registry}: subscribers that may read the service's
 * secrets get them, the others get the same event without.
 */
public final class RegistryEvents implements Consumer<RegistryEvent> {
    /** The sender of messages the hub itself publishes. */
    public static final ServiceId HUB = new ServiceId("hub", "roadie");

    private final SessionTable sessions;

    public RegistryEvents(SessionTable sessions) {
        this.sessions = sessions;
    }

    @Override
    public void accept(RegistryEvent event) {
        var subscribers = sessions.subscribers(RegistryEvent.TOPIC);
        if (subscribers.isEmpty()) {
            return;
        }
        String kind = event.entry().id().kind();
        PreparedFrame full = null;
        PreparedFrame redacted = null;
        for (ClientSession subscriber : subscribers) {
            if (Permissions.maySeeSecrets(subscriber.principal(), kind)) {
                full = full != null ? full : prepare(event);
                subscriber.deliver(full);
            } else {
                redacted = redacted != null ? redacted
                        : prepare(new RegistryEvent(event.change(), event.entry().withoutSecrets()));
                subscriber.deliver(redacted);
            }
        }
    }

    /**
     * Sends {@code subscriber} the whole registry as one {@code registry.snapshot} message, each
     * entry as it may see it: one message, so that a client can tell what is no longer there.
     */
    public void snapshotTo(ClientSession subscriber, List<ServiceEntry> entries) {
        List<ServiceEntry> visible = entries.stream()
                .map(entry -> Permissions.maySeeSecrets(subscriber.principal(), entry.id().kind())
                        ? entry : entry.withoutSecrets())
                .toList();
        subscriber.deliver(new Message(0, UUID.randomUUID().toString(), HUB, Address.topic(RegistryEvent.TOPIC),
                RegistrySnapshot.SUBJECT, FrameCodec.DEFAULT.toTree(new RegistrySnapshot(visible)), false));
    }

    private static PreparedFrame prepare(RegistryEvent event) {
        return PreparedFrame.of(new Message(0, UUID.randomUUID().toString(), HUB, Address.topic(RegistryEvent.TOPIC),
                RegistryEvent.SUBJECT, FrameCodec.DEFAULT.toTree(event), false));
    }
}
