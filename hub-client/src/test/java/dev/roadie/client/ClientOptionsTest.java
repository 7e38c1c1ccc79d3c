package dev.roadie.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientOptionsTest {

    private static ClientOptions.Builder valid() {
        return ClientOptions.builder().hub("ws://hub.example.org:7070/ws").token("rd_abc_def");
    }

    @Test
    void defaults_are_the_documented_constants() {
        ClientOptions options = valid().build();
        assertThat(options.heartbeatInterval()).isEqualTo(ClientOptions.DEFAULT_HEARTBEAT_INTERVAL)
                .isEqualTo(Duration.ofSeconds(4));
        assertThat(options.heartbeatTolerance()).isEqualTo(3);
        assertThat(options.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.outboxFrameLimit()).isEqualTo(10_000);
        assertThat(options.outboxByteLimit()).isEqualTo(16L * 1024 * 1024);
        assertThat(options.requestConcurrency()).isEqualTo(ClientOptions.DEFAULT_REQUEST_CONCURRENCY).isEqualTo(16);
        assertThat(options.reconnectPolicy()).isInstanceOf(ExponentialBackoff.class);
        assertThat(options.disableJvmDnsCache()).isTrue();
        assertThat(options.clientName()).isEqualTo("client");
        assertThat(options.toString()).doesNotContain("rd_abc_def");
    }

    @Test
    void client_name_defaults_to_the_identity_name() {
        assertThat(valid().identity("desktop", "alice-laptop").build().clientName()).isEqualTo("alice-laptop");
    }

    @Test
    void a_hub_is_required() {
        assertThatThrownBy(() -> ClientOptions.builder().token("rd_x").build())
                .hasMessageContaining("no hub URI").hasMessageContaining("hub(\"ws://");
    }

    @Test
    void a_hub_must_be_a_websocket_uri_at_path_ws() {
        assertThatThrownBy(() -> valid().hub("http://hub.example.org:7070/ws").build())
                .hasMessageContaining("must be ws://HOST:PORT/ws or wss://HOST:PORT/ws");
        assertThatThrownBy(() -> valid().hub("ws://hub.example.org:7070/").build())
                .hasMessageContaining("path /ws");
        assertThat(valid().hub("wss://other.example.org/ws").build().hubs()).hasSize(2);
    }

    @Test
    void a_hub_listed_twice_is_refused() {
        assertThatThrownBy(() -> valid().hub("ws://hub.example.org:7070/ws").build())
                .hasMessageContaining("listed twice");
    }

    @Test
    void a_token_is_required() {
        assertThatThrownBy(() -> ClientOptions.builder().hub("ws://h:1/ws").token(" ").build())
                .hasMessageContaining("no token").hasMessageContaining("roadie token create");
    }

    @Test
    void a_tolerance_below_two_is_refused_with_the_reason() {
        assertThatThrownBy(() -> valid().heartbeatTolerance(1).build())
                .hasMessageContaining("heartbeatTolerance 1").hasMessageContaining("use 2 or more");
    }

    @Test
    void durations_must_be_positive_and_the_message_names_the_setting() {
        assertThatThrownBy(() -> valid().requestTimeout(Duration.ZERO).build())
                .hasMessageContaining("requestTimeout").hasMessageContaining("must be positive");
        assertThatThrownBy(() -> valid().connectTimeout(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> valid().heartbeatInterval(Duration.ofMillis(1)).build())
                .hasMessageContaining("heartbeatInterval").hasMessageContaining("10 ms or more");
    }

    @Test
    void a_request_concurrency_below_one_is_refused() {
        assertThatThrownBy(() -> valid().requestConcurrency(0).build())
                .hasMessageContaining("requestConcurrency 0").hasMessageContaining("use 1 or more");
    }

    @Test
    void outbox_limits_must_leave_room() {
        assertThatThrownBy(() -> valid().outboxLimit(0, 1 << 20).build()).hasMessageContaining("leaves no room");
    }

    @Test
    void client_name_must_fit_in_a_thread_name() {
        assertThatThrownBy(() -> valid().clientName("a b").build()).hasMessageContaining("thread names");
    }

    @Test
    void identity_names_are_checked_when_given() {
        assertThatThrownBy(() -> valid().identity("Desktop", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
