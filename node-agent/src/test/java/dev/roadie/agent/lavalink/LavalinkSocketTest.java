package dev.roadie.agent.lavalink;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LavalinkSocketTest {

    @Test
    void the_socket_is_the_node_url_with_ws_or_wss_and_lavalinks_path() {
        assertThat(LavalinkSocket.socketUri(URI.create("http://lavalink:2333")))
                .isEqualTo(URI.create("ws://lavalink:2333/v4/websocket"));
        assertThat(LavalinkSocket.socketUri(URI.create("https://node.example.org/")))
                .isEqualTo(URI.create("wss://node.example.org/v4/websocket"));
    }
}
