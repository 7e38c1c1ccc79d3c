package dev.roadie.voice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.voice.VoiceSession;
import dev.roadie.voice.dave.DaveHandler;
import dev.roadie.voice.dave.DaveWire;
import dev.roadie.voice.fake.FakeVoiceGateway;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class VoiceGatewayClientTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final GatewayOptions QUICK = new GatewayOptions(Duration.ofSeconds(5), 3, Duration.ofMillis(20), Duration.ofMillis(100));

    /** Heartbeats only where a test is about them: a loaded machine can hold an ACK back a second. */
    private static final int QUIET = 60_000;

    private final FakeVoiceGateway fake = new FakeVoiceGateway().heartbeatInterval(QUIET);
    private final RecordingListener listener = new RecordingListener();
    private VoiceGatewayClient client;

    @AfterEach
    void stop() throws InterruptedException {
        if (client != null) {
            client.close();
        }
        fake.close();
    }

    private VoiceSession session(String endpoint) {
        return new VoiceSession(endpoint, "voice-token", "session-1", 41771983423143937L, 104694319306248192L, 127121515262115840L);
    }

    private void connect(DaveHandler dave) {
        client = new VoiceGatewayClient(session(fake.endpoint()), dave, listener, QUICK);
        listener.client = client;
        client.connect();
        await().atMost(DEADLINE).until(() -> listener.descriptions.size() == 1);
    }

    @Test
    void the_handshake_identifies_selects_the_preferred_mode_and_receives_the_session_key() {
        fake.modes(List.of("xsalsa20_poly1305_lite_rtpsize", "aead_xchacha20_poly1305_rtpsize", "aead_aes256_gcm_rtpsize")).ssrc(4242);
        connect(new NoDave());

        assertThat(fake.handshakes()).containsExactly("/?v=8");
        JsonNode identify = fake.received(VoiceOp.IDENTIFY).getFirst().path("d");
        assertThat(identify.path("server_id").asString()).isEqualTo("41771983423143937");
        assertThat(identify.path("user_id").asString()).isEqualTo("104694319306248192");
        assertThat(identify.path("session_id").asString()).isEqualTo("session-1");
        assertThat(identify.path("token").asString()).isEqualTo("voice-token");
        assertThat(identify.path("max_dave_protocol_version").asInt(-1)).isZero();

        assertThat(listener.readies.getFirst().ssrc()).isEqualTo(4242);
        JsonNode select = fake.received(VoiceOp.SELECT_PROTOCOL).getFirst().path("d");
        assertThat(select.path("protocol").asString()).isEqualTo("udp");
        assertThat(select.path("data").path("address").asString()).isEqualTo("203.0.113.7");
        assertThat(select.path("data").path("port").asInt()).isEqualTo(50_000);
        assertThat(select.path("data").path("mode").asString()).isEqualTo("aead_aes256_gcm_rtpsize");

        SessionDescription description = listener.descriptions.getFirst();
        assertThat(description.mode()).isEqualTo("aead_aes256_gcm_rtpsize");
        assertThat(description.secretKey()).isEqualTo(fake.secretKey());
        assertThat(listener.events).containsExactly("ready", "session description");
    }

    @Test
    void heartbeats_carry_the_time_and_the_last_sequence_number_the_server_sent() {
        fake.heartbeatInterval(300);
        connect(new NoDave());
        fake.speaking(77L, 9001, 1);
        fake.sendBinary(DaveWire.EXTERNAL_SENDER_PACKAGE, new byte[] {1, 2, 3});
        int last = fake.lastSeq();
        assertThat(last).isEqualTo(4); // ready, session description, speaking, then the binary one

        await().atMost(DEADLINE).until(() -> fake.received(VoiceOp.HEARTBEAT).stream()
                .anyMatch(beat -> beat.path("d").path("seq_ack").asInt() == last));
        JsonNode beat = fake.received(VoiceOp.HEARTBEAT).getLast().path("d");
        assertThat(beat.path("t").asLong()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(5_000L));
        assertThat(listener.speaking).anySatisfy(s -> assertThat(s).containsExactly(77L, 9001L, 1L));
    }

    @Test
    void the_ping_is_the_heartbeat_round_trip_and_minus_one_once_the_socket_is_gone() {
        fake.heartbeatInterval(500).ackDelay(Duration.ofMillis(150));
        connect(new NoDave());

        await().atMost(DEADLINE).until(() -> client.ping() >= 0);
        // The fake held the ACK back 150 ms; a loaded machine may add to it, never take from it.
        assertThat(client.ping()).isBetween(150L, 499L);
        fake.ackDelay(Duration.ZERO);
        await().atMost(DEADLINE).until(() -> client.ping() >= 0 && client.ping() < 150);

        fake.closeWith(4014, "Disconnected");
        await().atMost(DEADLINE).until(() -> listener.disconnected.size() == 1);
        assertThat(client.ping()).isEqualTo(-1);
    }

    @Test
    void a_dropped_socket_is_resumed_with_the_last_sequence_and_missed_messages_are_delivered() {
        connect(new NoDave());
        int seqBefore = fake.lastSeq();
        fake.dropSocket();
        await().atMost(DEADLINE).until(() -> listener.count("reconnecting") == 1);
        fake.usersJoin(555L); // sent while the client is away: re-delivered after resume

        await().atMost(DEADLINE).until(() -> listener.count("resumed") == 1);
        JsonNode resume = fake.received(VoiceOp.RESUME).getFirst().path("d");
        assertThat(resume.path("session_id").asString()).isEqualTo("session-1");
        assertThat(resume.path("token").asString()).isEqualTo("voice-token");
        assertThat(resume.path("server_id").asString()).isEqualTo("41771983423143937");
        assertThat(resume.path("seq_ack").asInt()).isEqualTo(seqBefore);
        await().atMost(DEADLINE).until(() -> client.users().equals(Set.of(555L)));
        assertThat(fake.received(VoiceOp.IDENTIFY)).hasSize(1);
    }

    @Test
    void a_heartbeat_the_server_does_not_acknowledge_leads_to_a_resume() {
        fake.heartbeatInterval(300);
        connect(new NoDave());
        fake.ackHeartbeats(false);
        await().atMost(DEADLINE).until(() -> listener.count("reconnecting") == 1);
        fake.ackHeartbeats(true);
        await().atMost(DEADLINE).until(() -> listener.count("resumed") == 1);
        assertThat(listener.reconnecting.getFirst()).contains("did not acknowledge");
        assertThat(fake.received(VoiceOp.IDENTIFY)).hasSize(1);
    }

    @Test
    void close_code_4015_resumes() {
        connect(new NoDave());
        fake.closeWith(4015, "Voice server crashed");
        await().atMost(DEADLINE).until(() -> listener.count("resumed") == 1);
        assertThat(listener.reconnecting.getFirst()).contains("crashed");
        assertThat(fake.received(VoiceOp.IDENTIFY)).hasSize(1);
    }

    @Test
    void close_code_4009_identifies_again_on_a_new_socket() {
        connect(new NoDave());
        fake.closeWith(4009, "Session timeout");
        await().atMost(DEADLINE).until(() -> listener.descriptions.size() == 2);
        assertThat(fake.received(VoiceOp.IDENTIFY)).hasSize(2);
        assertThat(fake.received(VoiceOp.RESUME)).isEmpty();
        assertThat(listener.reconnecting.getFirst()).contains("timed out");
    }

    @Test
    void close_codes_discord_says_not_to_reconnect_on_give_up_with_the_reason_in_words() {
        for (int code : new int[] {4014, 4006, 4004, 4017, 4022, 4021}) {
            listener.events.clear();
            listener.disconnected.clear();
            connect(new NoDave());
            int sockets = fake.handshakes().size();
            fake.closeWith(code, "from the fake");
            await().atMost(DEADLINE).until(() -> listener.disconnected.size() == 1);
            assertThat(listener.events).as("code %d", code).contains("disconnected " + code).doesNotContain("reconnecting");
            assertThat(listener.disconnected.getFirst()).isEqualTo(CloseRules.forCode(code, null).reason());
            assertThat(fake.handshakes()).as("no new socket after %d", code).hasSize(sockets);
            client.close();
            listener.descriptions.clear();
        }
    }

    @Test
    void a_resume_the_server_refuses_gives_up_as_an_invalid_session() {
        connect(new NoDave());
        fake.forgetSession();
        fake.dropSocket();
        await().atMost(DEADLINE).until(() -> listener.disconnected.size() == 1);
        assertThat(listener.events).contains("reconnecting", "disconnected 4006");
        assertThat(listener.disconnected.getFirst()).contains("join the channel again");
    }

    @Test
    void an_unreachable_gateway_is_retried_then_given_up_on() throws InterruptedException {
        connect(new NoDave());
        fake.close();
        await().atMost(DEADLINE).until(() -> listener.disconnected.size() == 1);
        assertThat(listener.count("reconnecting")).isEqualTo(3);
        assertThat(listener.disconnected.getFirst()).startsWith("gave up after 3 reconnect attempts");
    }

    @Test
    void a_voice_server_update_moves_the_call_to_the_new_endpoint_with_the_new_token() throws InterruptedException {
        try (FakeVoiceGateway other = new FakeVoiceGateway().heartbeatInterval(300).ssrc(777)) {
            connect(new NoDave());
            client.moveTo(other.endpoint(), "new-token");

            await().atMost(DEADLINE).until(() -> listener.descriptions.size() == 2);
            JsonNode identify = other.received(VoiceOp.IDENTIFY).getFirst().path("d");
            assertThat(identify.path("token").asString()).isEqualTo("new-token");
            assertThat(identify.path("session_id").asString()).isEqualTo("session-1");
            assertThat(listener.readies.getLast().ssrc()).isEqualTo(777);
            assertThat(listener.descriptions.getLast().secretKey()).isEqualTo(other.secretKey());
            await().atMost(DEADLINE).until(() -> !other.received(VoiceOp.HEARTBEAT).isEmpty());
        }
    }

    @Test
    void a_voice_server_update_after_4014_reconnects_the_call() throws InterruptedException {
        try (FakeVoiceGateway other = new FakeVoiceGateway().heartbeatInterval(QUIET)) {
            connect(new NoDave());
            fake.closeWith(4014, "Disconnected");
            await().atMost(DEADLINE).until(() -> listener.disconnected.size() == 1);
            client.moveTo(other.endpoint(), "new-token");
            await().atMost(DEADLINE).until(() -> listener.descriptions.size() == 2);
            assertThat(other.received(VoiceOp.IDENTIFY)).hasSize(1);
        }
    }

    @Test
    void a_move_during_a_reconnect_backoff_cancels_the_pending_resume() throws InterruptedException {
        GatewayOptions slow = new GatewayOptions(Duration.ofSeconds(5), 3, Duration.ofMillis(1_500), Duration.ofMillis(1_500));
        try (FakeVoiceGateway other = new FakeVoiceGateway().heartbeatInterval(QUIET)) {
            client = new VoiceGatewayClient(session(fake.endpoint()), new NoDave(), listener, slow);
            listener.client = client;
            client.connect();
            await().atMost(DEADLINE).until(() -> listener.descriptions.size() == 1);
            fake.closeWith(4015, "Voice server crashed");
            await().atMost(DEADLINE).until(() -> listener.count("reconnecting") == 1);

            client.moveTo(other.endpoint(), "new-token");
            await().atMost(DEADLINE).until(() -> listener.descriptions.size() == 2);
            // Past the backoff, the resume scheduled before the move must not have gone anywhere.
            await().during(Duration.ofMillis(2_000)).atMost(DEADLINE)
                    .until(() -> fake.handshakes().size() == 1 && other.handshakes().size() == 1);
            assertThat(other.received(VoiceOp.RESUME)).isEmpty();
            assertThat(other.received(VoiceOp.IDENTIFY)).hasSize(1);
        }
    }

    @Test
    void users_joining_and_leaving_reach_the_listener_and_the_dave_handler() {
        RecordingDave dave = new RecordingDave(0);
        connect(dave);
        fake.usersJoin(10L, 11L);
        fake.userLeaves(10L);
        await().atMost(DEADLINE).until(() -> listener.left.size() == 1);
        assertThat(listener.joined).containsExactly(Set.of(10L, 11L));
        assertThat(listener.left).containsExactly(10L);
        assertThat(dave.users).containsExactly(Set.of(10L, 11L), Set.of(11L));
        assertThat(client.users()).containsExactly(11L);
    }

    @Test
    void dave_opcodes_go_to_the_handler_and_its_replies_reach_the_gateway_in_discords_framing() {
        fake.daveProtocolVersion(1);
        RecordingDave dave = new RecordingDave(1);
        connect(dave);

        assertThat(fake.received(VoiceOp.IDENTIFY).getFirst().path("d").path("max_dave_protocol_version").asInt()).isEqualTo(1);
        assertThat(dave.started).containsExactly("version 1 user 104694319306248192 channel 127121515262115840");

        fake.sendJson(DaveWire.PREPARE_EPOCH, Map.of("transition_id", 0, "epoch", 1, "protocol_version", 1));
        fake.sendBinary(DaveWire.EXTERNAL_SENDER_PACKAGE, new byte[] {25, 1});
        fake.sendBinary(DaveWire.PROPOSALS, new byte[] {27, 1});
        fake.sendBinary(DaveWire.ANNOUNCE_COMMIT_TRANSITION, new byte[] {29, 1});
        fake.sendBinary(DaveWire.WELCOME, new byte[] {30, 1});
        fake.sendJson(DaveWire.PREPARE_TRANSITION, Map.of("transition_id", 3, "protocol_version", 0));
        fake.sendJson(DaveWire.EXECUTE_TRANSITION, Map.of("transition_id", 3));
        fake.sendBinary(40, new byte[] {1}); // not DAVE's: not handed over

        await().atMost(DEADLINE).until(() -> dave.seen.size() == 7);
        assertThat(dave.seen).containsExactly(
                "json 24 epoch=1", "binary 25 [25, 1]", "binary 27 [27, 1]", "binary 29 [29, 1]",
                "binary 30 [30, 1]", "json 21 transition_id=3", "json 22 transition_id=3");

        // The handler answers: 26 (key package) and 28 (commit/welcome) binary, 23 and 31 JSON.
        await().atMost(DEADLINE).until(() -> fake.receivedBinary().size() == 2);
        assertThat(fake.receivedBinary()).satisfiesExactly(
                frame -> assertThat(frame).containsExactly(26, 25, 1),
                frame -> assertThat(frame).containsExactly(28, 29, 1));
        await().atMost(DEADLINE).until(() -> fake.received(DaveWire.READY_FOR_TRANSITION).size() == 1
                && fake.received(DaveWire.INVALID_COMMIT_WELCOME).size() == 1);
        assertThat(fake.received(DaveWire.READY_FOR_TRANSITION).getFirst().path("d").path("transition_id").asInt()).isEqualTo(3);
        assertThat(fake.received(DaveWire.INVALID_COMMIT_WELCOME).getFirst().path("d").path("transition_id").asInt()).isEqualTo(9);
    }
}
