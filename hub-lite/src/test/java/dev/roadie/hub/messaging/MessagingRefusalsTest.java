package dev.roadie.hub.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.ErrorFrame;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Request;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

/**
 * The socket and REST send through one messaging service: a rule refuses in the same code and
 * words on both, and only the advice that names a way of sending differs.
 */
class MessagingRefusalsTest {
    @RegisterExtension
    final HubExtension hub = HubExtension.withDefaults();
    Http http;

    @BeforeEach
    void connect() {
        http = Http.to(hub);
    }

    @Test
    void a_message_without_the_scope_of_its_address_is_refused_in_the_same_words_over_the_socket_and_rest() {
        WireClient socket = hub.client("alice", "desktop", "send:audio-node");

        socket.sendNumbered(new Message(0, "m-1", null, Address.service("music-bot", "eu-1"), "player.note", null,
                false));
        ErrorFrame overSocket = socket.expectError();
        Http.Response overRest = http.post("/api/send", hub.token("bob", "desktop", "send:audio-node"),
                "{\"to\":\"service:music-bot/eu-1\",\"subject\":\"player.note\"}");

        assertThat(overSocket.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(overSocket.re()).isEqualTo("m-1");
        assertThat(overRest.status()).isEqualTo(403);
        assertThat(overRest.json().get("code").asString()).isEqualTo(ErrorCode.FORBIDDEN.wire());
        assertThat(overRest.json().get("message").asString()).isEqualTo(overSocket.message())
                .contains("send:music-bot");
    }

    @Test
    void a_request_to_many_receivers_is_refused_with_the_way_to_gather_of_each_channel() {
        WireClient socket = hub.client("alice", "desktop", "send:music-bot");

        socket.sendNumbered(new Request(0, "r-1", null, Address.everyOf("music-bot"), "player.state", null, 0));
        ErrorFrame overSocket = socket.expectError();
        Http.Response overRest = http.post("/api/request", hub.token("bob", "desktop", "send:music-bot"),
                "{\"to\":\"kind:music-bot\",\"subject\":\"player.state\"}");

        assertThat(overSocket.code()).isEqualTo(ErrorCode.INVALID_FRAME);
        assertThat(overSocket.message()).startsWith("a request goes to one receiver")
                .endsWith("send a gather to kind:music-bot");
        assertThat(overRest.status()).isEqualTo(400);
        assertThat(overRest.json().get("code").asString()).isEqualTo(ErrorCode.INVALID_FRAME.wire());
        assertThat(overRest.json().get("message").asString()).startsWith("a request goes to one receiver")
                .endsWith("use /api/gather");
    }

    @Test
    void a_rest_call_with_an_invalid_field_is_refused_for_it_before_its_address_is_checked_as_on_the_socket() {
        String noScopes = hub.token("bob", "desktop");

        Http.Response response = http.post("/api/request", noScopes,
                "{\"to\":\"service:music-bot/eu-1\",\"subject\":\"player.state\",\"timeoutMs\":-1}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo(ErrorCode.INVALID_FRAME.wire());
        assertThat(response.json().get("message").asString()).contains("timeoutMs");
    }
}
