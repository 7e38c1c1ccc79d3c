package dev.roadie.hub.socket;

import dev.roadie.hub.session.ClientSession;
import dev.roadie.hub.session.PreparedFrame;
import dev.roadie.hub.session.SessionTable;
import dev.roadie.model.registry.RegistryEvent;
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

    /** Sends {@code subscriber} each of {@code entries} as an {@code added} event, as it may see it. */
    public void snapshotTo(ClientSession subscriber, List<ServiceEntry> entries) {
        for (ServiceEntry entry : entries) {
            ServiceEntry visible = Permissions.maySeeSecrets(subscriber.principal(), entry.id().kind())
                    ? entry : entry.withoutSecrets();
            subscriber.deliver(prepare(new RegistryEvent(RegistryEvent.Change.added, visible)));
        }
    }

    private static PreparedFrame prepare(RegistryEvent event) {
        return PreparedFrame.of(new Message(0, UUID.randomUUID().toString(), HUB, Address.topic(RegistryEvent.TOPIC),
                RegistryEvent.SUBJECT, FrameCodec.DEFAULT.toTree(event), false));
    }
}
