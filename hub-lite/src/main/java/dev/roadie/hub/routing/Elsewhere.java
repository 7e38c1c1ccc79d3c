package dev.roadie.hub.routing;

import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Request;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The other hubs of a cluster, as the router sees them (docs/CLUSTER.md): who they serve, and
 * one publish to hand them a frame. The router asks only for receivers it has no session for, so
 * that a message for a local receiver never leaves the hub. A hub on its own has {@link #NONE}.
 */
public interface Elsewhere {

    /**
     * The receivers {@code to} names on other hubs now, from this hub's copy of their presence
     * (no round trip): for {@code one:KIND}, every candidate, for the router to pick from.
     */
    List<Receiver> receivers(Address to);

    /**
     * Hands {@code message} to the sessions of hub {@code hub} serving {@code services}, each once.
     *
     * @throws ElsewhereUnavailableException when the cluster cannot be reached now; nothing was sent
     */
    void deliver(String hub, List<ServiceId> services, Message message);

    /**
     * Hands hub {@code hub} a durable message stored for each of {@code services} as the
     * matching one of {@code ids}, for the sessions serving them; their acknowledgements remove it.
     *
     * @throws ElsewhereUnavailableException when the cluster cannot be reached now; nothing was sent
     */
    default void deliverStored(String hub, List<ServiceId> services, List<Long> ids, Message message) {
        throw new IllegalStateException("this hub cannot hand stored messages to another hub");
    }

    /**
     * Asks hub {@code hub} to hand {@code request} (already carrying the call id) to the session serving
     * {@code service}, and to send its reply back here ({@link Requests#answered}).
     *
     * @throws ElsewhereUnavailableException when the cluster cannot be reached now; nothing was sent
     */
    void ask(String hub, ServiceId service, Request request, long timeoutMs);

    /**
     * The load penalty of a receiver on another hub, as that hub last wrote it (within a
     * heartbeat), if the service sends stats; for {@code one:KIND} across hubs.
     */
    OptionalDouble penalty(Receiver receiver);

    /** This hub's id in the cluster, which makes call ids unique across hubs; empty alone. */
    String self();

    /** A hub on its own: nobody elsewhere. */
    Elsewhere NONE = new Elsewhere() {
        @Override
        public List<Receiver> receivers(Address to) {
            return List.of();
        }

        @Override
        public void deliver(String hub, List<ServiceId> services, Message message) {
            throw new IllegalStateException("a hub on its own has no other hub to deliver to");
        }

        @Override
        public void ask(String hub, ServiceId service, Request request, long timeoutMs) {
            throw new IllegalStateException("a hub on its own has no other hub to ask");
        }

        @Override
        public OptionalDouble penalty(Receiver receiver) {
            return OptionalDouble.empty();
        }

        @Override
        public String self() {
            return "";
        }
    };
}
