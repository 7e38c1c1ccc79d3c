package dev.roadie.client;

import dev.roadie.model.registry.ServiceId;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A session the hub welcomed the client into.
 *
 * @param session   the hub's id of the session
 * @param epoch     the hub's epoch; it changes whenever the hub restarts
 * @param identity  who the hub says this client is
 * @param scopes    the scopes of the client's token
 * @param heartbeat the hub's heartbeat interval
 * @param resumed   whether this session continues the previous one (nothing was lost)
 * @param hub       the hub URI the client connected to
 * @param address   the address the host name of {@code hub} resolved to for this connection
 */
public record SessionInfo(String session, String epoch, ServiceId identity, List<String> scopes, Duration heartbeat,
        boolean resumed, URI hub, InetAddress address) {

    public SessionInfo {
        scopes = List.copyOf(scopes);
    }
}
