package dev.roadie.hub.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.RawSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Host every request names and the Origin a browser sends on /ws: DNS rebinding and other sites' pages. */
class OriginAndHostTest {
    static final String EXTENSION = "chrome-extension://abcdefghijklmnopabcdefghijklmnop";

    @RegisterExtension
    final HubExtension hub = HubExtension.with(Map.of("http.allowedOrigins", EXTENSION, "http.allowedHosts",
            "hub.example.org,*.music.lan"));

    /** Sends one request by hand and returns the response's status line, headers and body. */
    String send(String request) {
        try (RawSocket socket = RawSocket.open(hub.port())) {
            socket.write(request);
            return socket.readResponse(Duration.ofSeconds(5));
        }
    }

    String health(String host) {
        return send("GET /api/health HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    }

    String upgrade(String host, String origin) {
        return send("GET /ws HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n");
    }

    @Test
    void a_request_for_a_name_the_hub_does_not_answer_to_is_refused_naming_the_setting() {
        String answer = health("rebind.attacker.example:" + hub.port());

        assertThat(answer).startsWith("HTTP/1.1 403").contains("\"code\":\"forbidden\"")
                .contains("'rebind.attacker.example'", "http.allowedHosts");
    }

    @Test
    void ip_addresses_localhost_and_listed_names_are_answered() {
        assertThat(health("127.0.0.1:" + hub.port())).startsWith("HTTP/1.1 200");
        assertThat(health("192.168.1.20:" + hub.port())).as("a LAN address").startsWith("HTTP/1.1 200");
        assertThat(health("[::1]:" + hub.port())).startsWith("HTTP/1.1 200");
        assertThat(health("localhost:" + hub.port())).startsWith("HTTP/1.1 200");
        assertThat(health("HUB.example.org")).as("a listed name, in any case").startsWith("HTTP/1.1 200");
        assertThat(health("kitchen.music.lan:7070")).as("one label under a listed *.name").startsWith("HTTP/1.1 200");
        assertThat(health("a.kitchen.music.lan")).as("not two").startsWith("HTTP/1.1 403");
        assertThat(health("music.lan")).as("nor the name itself").startsWith("HTTP/1.1 403");
    }

    @Test
    void a_socket_from_a_page_of_another_site_is_refused_naming_the_setting() {
        String answer = upgrade("127.0.0.1:" + hub.port(), "https://evil.example");

        assertThat(answer).startsWith("HTTP/1.1 403").contains("\"code\":\"forbidden\"")
                .contains("https://evil.example", "http.allowedOrigins");
    }

    @Test
    void a_socket_from_the_hubs_own_page_from_a_listed_origin_or_without_origin_is_accepted() {
        String host = "127.0.0.1:" + hub.port();

        assertThat(upgrade(host, "http://" + host)).as("the hub's own page").startsWith("HTTP/1.1 101");
        assertThat(upgrade(host, EXTENSION)).as("the extension").startsWith("HTTP/1.1 101");
        assertThat(upgrade(host, null)).as("a program, which sends no Origin").startsWith("HTTP/1.1 101");
    }

    @Test
    void the_hubs_own_origin_is_its_host_and_port_not_just_its_host() {
        String answer = upgrade("127.0.0.1:" + hub.port(), "http://127.0.0.1:8000");

        assertThat(answer).startsWith("HTTP/1.1 403");
    }

    @Test
    void a_websocket_upgrade_for_an_unknown_name_is_refused_too() {
        String answer = upgrade("rebind.attacker.example:" + hub.port(), "http://rebind.attacker.example:"
                + hub.port());

        assertThat(answer).startsWith("HTTP/1.1 403").contains("http.allowedHosts");
    }
}
