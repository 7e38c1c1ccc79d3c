package dev.roadie.hub.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {
    final ClientAddresses behindProxies = new ClientAddresses(List.of("127.0.0.1", "10.0.0.0/8"));

    @Test
    void without_trusted_proxies_the_peer_is_the_client_whatever_the_header_says() {
        ClientAddresses none = new ClientAddresses(List.of());

        assertThat(none.of("127.0.0.1", List.of("203.0.113.7"))).isEqualTo("127.0.0.1");
    }

    @Test
    void a_trusted_proxy_names_the_client_in_x_forwarded_for() {
        assertThat(behindProxies.of("127.0.0.1", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void the_header_is_read_from_the_right_past_trusted_proxies_only() {
        // The client wrote a fake first entry itself; the proxies appended what they saw.
        assertThat(behindProxies.of("127.0.0.1", List.of("198.51.100.1, 203.0.113.7, 10.1.2.3")))
                .isEqualTo("203.0.113.7");
        assertThat(behindProxies.of("127.0.0.1", List.of("198.51.100.1", "203.0.113.7"))).as("over two lines")
                .isEqualTo("203.0.113.7");
    }

    @Test
    void the_header_from_a_peer_that_is_not_a_trusted_proxy_is_ignored() {
        assertThat(behindProxies.of("192.0.2.50", List.of("203.0.113.7"))).isEqualTo("192.0.2.50");
    }

    @Test
    void an_entry_that_is_not_an_address_stops_the_walk_at_the_last_trusted_hop() {
        assertThat(behindProxies.of("127.0.0.1", List.of("evil.example.org"))).isEqualTo("127.0.0.1");
        assertThat(behindProxies.of("127.0.0.1", List.of("unknown, 10.0.0.9"))).isEqualTo("10.0.0.9");
    }

    @Test
    void ipv6_clients_are_named_in_one_spelling() {
        assertThat(behindProxies.of("127.0.0.1", List.of("[2001:db8::1]"))).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(behindProxies.of("127.0.0.1", List.of("2001:db8:0::1"))).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void a_proxy_that_is_not_an_address_or_range_is_refused_naming_the_setting() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.lan")))
                .hasMessageContaining("http.trustedProxies").hasMessageContaining("'proxy.lan'");
    }
}
