package dev.roadie.hub.cli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What {@code serve --check} says when something it checks does not work (the passing run is in ServeCommandTest). */
class StartCheckTest {

    @Test
    void a_health_endpoint_that_fails_is_named_with_its_status() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "{\"status\":\"broken\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            assertThatThrownBy(() -> new StartCheck("0.0.0.0", server.getAddress().getPort()).run())
                    .isInstanceOf(StartCheck.CheckFailed.class)
                    .hasMessageContaining("/api/health answered 500")
                    .hasMessageContaining("broken");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void a_socket_endpoint_that_is_not_there_is_named() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/health", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            assertThatThrownBy(() -> new StartCheck("127.0.0.1", server.getAddress().getPort()).run())
                    .isInstanceOf(StartCheck.CheckFailed.class)
                    .hasMessageContaining("/ws did not take a WebSocket");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void a_port_nobody_listens_on_is_named() throws IOException {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        }
        int port = free;
        assertThatThrownBy(() -> new StartCheck("127.0.0.1", port).run())
                .isInstanceOf(StartCheck.CheckFailed.class)
                .hasMessageContaining("/api/health did not answer");
    }
}
