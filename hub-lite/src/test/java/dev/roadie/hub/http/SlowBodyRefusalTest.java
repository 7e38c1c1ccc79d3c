package dev.roadie.hub.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.RawSocket;
import dev.roadie.model.wire.FrameCodec;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * A request body cut off for being slow, by {@code http.bodyTimeout} or by
 * {@code http.minRequestDataRate}, is refused in the API's JSON error shape, naming the setting.
 */
class SlowBodyRefusalTest {
    @RegisterExtension
    final HubExtension hub = HubExtension.startedByEachTest();
    RawSocket slow;
    final ScheduledExecutorService dribbler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("test-dribbler").daemon().factory());

    @AfterEach
    void stop() {
        dribbler.shutdownNow();
        if (slow != null) {
            slow.close();
        }
    }

    @Test
    void a_body_slower_than_the_body_timeout_is_refused_with_a_json_error_naming_http_body_timeout() {
        hub.start(Map.of("http.bodyTimeout", "1s", "http.minRequestDataRate", "1"));
        slow = RawSocket.open(hub.port());
        slow.write("POST /api/send HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + hub.adminToken()
                + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{");
        // 20 bytes every 100 ms: well over the minimum rate, yet 5 s for the whole body.
        dribbler.scheduleAtFixedRate(() -> slow.tryWrite(" ".repeat(20)), 100, 100, TimeUnit.MILLISECONDS);

        String response = slow.readResponse(Duration.ofSeconds(4));

        assertThat(response).startsWith("HTTP/1.1 408").containsIgnoringCase("Content-Type: application/json");
        JsonNode error = FrameCodec.DEFAULT.mapper().readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertThat(error.get("code").asString()).isEqualTo("limit-reached");
        assertThat(error.get("message").asString()).contains("http.bodyTimeout");
    }

    @Test
    void a_body_slower_than_the_minimum_data_rate_is_refused_with_a_json_error_naming_http_min_request_data_rate() {
        hub.start(Map.of("http.minRequestDataRate", "100"));
        slow = RawSocket.open(hub.port());
        slow.write("POST /api/send HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + hub.adminToken()
                + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{");
        // A byte every 200 ms: 5 bytes a second, far under the minimum of 100.
        dribbler.scheduleAtFixedRate(() -> slow.tryWrite(" "), 200, 200, TimeUnit.MILLISECONDS);

        String response = slow.readResponse(Duration.ofSeconds(5));

        assertThat(response).startsWith("HTTP/1.1 408").containsIgnoringCase("Content-Type: application/json");
        JsonNode error = FrameCodec.DEFAULT.mapper().readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertThat(error.get("code").asString()).isEqualTo("limit-reached");
        assertThat(error.get("message").asString()).contains("slower than 100 bytes a second")
                .contains("http.minRequestDataRate");
    }
}
