package dev.roadie.companion.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class HubAddressTest {

    @Test
    void a_host_and_port_is_an_http_address_with_its_socket() {
        HubAddress hub = HubAddress.parse(" hub.example.org:7171 ");

        assertThat(hub.web()).isEqualTo(URI.create("http://hub.example.org:7171"));
        assertThat(hub.socket()).isEqualTo(URI.create("ws://hub.example.org:7171/ws"));
    }

    @Test
    void a_bare_host_gets_the_hubs_default_port_and_https_keeps_its_own() {
        assertThat(HubAddress.parse("localhost").web()).isEqualTo(URI.create("http://localhost:7070"));
        assertThat(HubAddress.parse("https://hub.example.org/").socket()).isEqualTo(URI.create("wss://hub.example.org/ws"));
    }

    @Test
    void what_is_not_an_address_is_refused_with_an_example() {
        assertThatThrownBy(() -> HubAddress.parse("")).hasMessageContaining("localhost:7070");
        assertThatThrownBy(() -> HubAddress.parse("ftp://x")).hasMessageContaining("not a hub address");
    }
}
