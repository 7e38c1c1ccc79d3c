package dev.roadie.hub.socket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.WireClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sockets that never say hello, and which address a socket counts against behind a proxy. */
class UnauthenticatedSocketsTest {
    @RegisterExtension
    final HubExtension hub = HubExtension.startedByEachTest();

    WireClient silent(Map<String, String> headers) {
        return hub.track(WireClient.connect(hub.port(), headers));
    }

    @Test
    void sockets_that_never_say_hello_do_not_lock_the_other_clients_of_their_address_out() {
        hub.start(Map.of("limits.authTimeout", "1m"));
        List<WireClient> silent = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            silent.add(silent(Map.of()));
        }

        WireClient client = hub.client("alice", "desktop");

        assertThat(client.welcome()).as("a client of the same address gets in").isNotNull();
        WireClient oldest = silent.get(0);
        assertThat(oldest.awaitClose()).as("the oldest silent socket made room").isEqualTo(4008);
        assertThat(oldest.closeReason())
                .isEqualTo("policy limit: too many connections without a hello from your address");
        assertThat(silent.get(31).isClosedByHub()).as("the newest silent socket may still say hello").isFalse();
    }

    @Test
    void a_socket_that_says_hello_no_longer_counts_as_waiting_for_one() {
        hub.start(Map.of("limits.helloPendingPerAddress", "2", "limits.authTimeout", "1m"));
        WireClient first = hub.client("first", "desktop");
        WireClient second = hub.client("second", "desktop");
        WireClient third = hub.client("third", "desktop");

        List<WireClient> all = List.of(first, second, third);
        all.forEach(WireClient::sync);
        assertThat(all).noneMatch(WireClient::isClosedByHub);
    }

    @Test
    void behind_a_trusted_proxy_each_client_address_has_its_own_connections() {
        hub.start(Map.of("http.trustedProxies", "127.0.0.1", "limits.connectionsPerAddress", "2"));
        silent(Map.of("X-Forwarded-For", "203.0.113.7"));
        silent(Map.of("X-Forwarded-For", "203.0.113.7"));
        hub.awaitOpenConnections(2);

        WireClient third = silent(Map.of("X-Forwarded-For", "203.0.113.7"));
        WireClient other = silent(Map.of("X-Forwarded-For", "198.51.100.2"));

        assertThat(third.awaitClose()).isEqualTo(4008);
        assertThat(third.closeReason()).isEqualTo("policy limit: too many connections from your address");
        other.hello(hub.token("bob", "desktop"));
        assertThat(other.isClosedByHub()).isFalse();
    }

    @Test
    void x_forwarded_for_from_a_peer_that_is_not_a_trusted_proxy_is_ignored() {
        hub.start(Map.of("limits.connectionsPerAddress", "2"));
        silent(Map.of("X-Forwarded-For", "203.0.113.1"));
        silent(Map.of("X-Forwarded-For", "203.0.113.2"));
        hub.awaitOpenConnections(2);

        WireClient third = silent(Map.of("X-Forwarded-For", "203.0.113.3"));

        assertThat(third.awaitClose()).as("all three are 127.0.0.1").isEqualTo(4008);
    }
}
