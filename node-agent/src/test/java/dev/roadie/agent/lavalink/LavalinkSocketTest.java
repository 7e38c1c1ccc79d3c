package dev.roadie.agent.lavalink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.roadie.agent.testing.FakeLavalinkSocket;
import dev.roadie.model.registry.NodeStats;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LavalinkSocketTest {

    @Test
    void the_socket_is_the_node_url_with_ws_or_wss_and_lavalinks_path() {
        assertThat(LavalinkSocket.socketUri(URI.create("http://lavalink:2333")))
                .isEqualTo(URI.create("ws://lavalink:2333/v4/websocket"));
        assertThat(LavalinkSocket.socketUri(URI.create("https://node.example.org/")))
                .isEqualTo(URI.create("wss://node.example.org/v4/websocket"));
    }

    @Test
    void a_refusal_names_the_setting_to_check() {
        assertThat(LavalinkSocket.hint(4001, "Unauthorized")).contains("node.password");
        assertThat(LavalinkSocket.hint(1002, "Invalid status code received: 401 Status line: HTTP/1.1 401"))
                .contains("node.password");
        assertThat(LavalinkSocket.hint(1002, "Invalid status code received: 404 Status line: HTTP/1.1 404"))
                .contains("node.url");
        assertThat(LavalinkSocket.hint(1006, "Connection refused")).isEmpty();
        assertThat(LavalinkSocket.hint(1001, "restarting")).isEmpty();
    }

    @Test
    void a_handshake_the_node_refuses_is_a_warning_and_nothing_reaches_the_listener() {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger logger = (Logger) LoggerFactory.getLogger(LavalinkSocket.class);
        logger.addAppender(logged);
        List<String> heard = new CopyOnWriteArrayList<>();
        SocketListener listener = new SocketListener() {
            @Override
            public void ready(String sessionId, boolean resumed) {
                heard.add("ready " + sessionId);
            }

            @Override
            public void stats(NodeStats stats) {
                heard.add("stats");
            }
        };
        // The fake refuses the handshake itself (no socket opens) when User-Id is not a user id.
        try (FakeLavalinkSocket node = FakeLavalinkSocket.start("pw");
                LavalinkSocket socket = new LavalinkSocket(node.nodeUri(), "pw", "not-a-user-id", "roadie-agent/test",
                        Duration.ofSeconds(2), listener)) {
            socket.start();
            await().atMost(Duration.ofSeconds(15)).until(() -> logged.list.stream()
                    .anyMatch(e -> e.getLevel() == Level.WARN && e.getFormattedMessage().contains("could not be opened")
                            && e.getFormattedMessage().contains("handshake was refused")));
            assertThat(node.opened()).isZero();
            assertThat(heard).isEmpty();
        } finally {
            logger.detachAppender(logged);
        }
    }
}
