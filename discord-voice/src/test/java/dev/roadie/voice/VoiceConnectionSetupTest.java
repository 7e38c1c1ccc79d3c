package dev.roadie.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.roadie.voice.fake.FakeVoiceGateway;
import dev.roadie.voice.gateway.VoiceOp;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What the connection does before audio: the parts that need no UDP. */
class VoiceConnectionSetupTest {

    private final List<String> disconnects = new CopyOnWriteArrayList<>();
    private final VoiceListener listener = new VoiceListener() {
        @Override
        public void onDisconnected(String reason) {
            disconnects.add(reason);
        }
    };

    @Test
    void a_server_offering_no_mode_this_client_speaks_disconnects_saying_what_it_offered() throws InterruptedException {
        try (FakeVoiceGateway fake = new FakeVoiceGateway().modes(List.of("xsalsa20_poly1305"));
             VoiceConnection voice = VoiceConnection.builder(session(fake)).listener(listener).connect()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> disconnects.size() == 1);
            assertThat(disconnects.getFirst()).contains("xsalsa20_poly1305").contains("aead_aes256_gcm_rtpsize");
            assertThat(fake.received(VoiceOp.SELECT_PROTOCOL)).isEmpty();
        }
    }

    @Test
    void send_refuses_when_frames_come_from_a_provider() throws InterruptedException {
        try (FakeVoiceGateway fake = new FakeVoiceGateway();
             VoiceConnection voice = VoiceConnection.builder(session(fake)).frames(() -> null).connect()) {
            assertThatThrownBy(() -> voice.send(new OpusFrame(new byte[] {1})))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("frames provider");
        }
    }

    private static VoiceSession session(FakeVoiceGateway fake) {
        return new VoiceSession(fake.endpoint(), "token", "session", 1L, 2L, 3L);
    }
}
