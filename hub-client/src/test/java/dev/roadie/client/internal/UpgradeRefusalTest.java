package dev.roadie.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.java_websocket.exceptions.IncompleteHandshakeException;
import org.junit.jupiter.api.Test;

class UpgradeRefusalTest {
    private static final String BODY = "{\"code\":\"limit-reached\",\"message\":\"more than 8 HTTP calls at once\"}";
    private static final String HEADERS = "HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\n"
            + "Retry-After: 1\r\nContent-Length: " + BODY.length() + "\r\n\r\n";

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_refusal_gives_the_status_and_the_hubs_message() {
        UpgradeRefusal refusal = UpgradeRefusal.read(bytes(HEADERS + BODY));

        assertThat(refusal).isEqualTo(new UpgradeRefusal(429, "more than 8 HTTP calls at once"));
        assertThat(refusal.describe())
                .isEqualTo("the hub refused the connection (HTTP 429): more than 8 HTTP calls at once");
    }

    @Test
    void a_body_that_has_not_fully_arrived_asks_the_library_for_the_whole_response() {
        assertThatThrownBy(() -> UpgradeRefusal.read(bytes(HEADERS + BODY.substring(0, 10))))
                .isInstanceOfSatisfying(IncompleteHandshakeException.class,
                        e -> assertThat(e.getPreferredSize()).isEqualTo(HEADERS.length() + BODY.length()));
    }

    @Test
    void headers_that_have_not_fully_arrived_ask_for_more() {
        assertThatThrownBy(() -> UpgradeRefusal.read(bytes("HTTP/1.1 403 Forbidden\r\nContent-Type: app")))
                .isInstanceOf(IncompleteHandshakeException.class);
    }

    @Test
    void an_upgrade_is_not_a_refusal() {
        assertThat(UpgradeRefusal.read(bytes("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n")))
                .isNull();
    }

    @Test
    void a_page_that_is_not_the_hubs_json_is_told_by_its_status_line() {
        String page = "<html>bad gateway</html>";
        UpgradeRefusal refusal = UpgradeRefusal.read(bytes("HTTP/1.1 502 Bad Gateway\r\nContent-Length: "
                + page.length() + "\r\n\r\n" + page));

        assertThat(refusal).isEqualTo(new UpgradeRefusal(502, "Bad Gateway"));
    }
}
