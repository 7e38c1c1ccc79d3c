package dev.roadie.hub.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.ErrorFrame;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Numbered;
import org.junit.jupiter.api.Test;

class PreparedFrameTest {
    final FrameCodec codec = FrameCodec.DEFAULT;

    @Test
    void a_spliced_sequence_number_reads_back_as_the_same_frame_numbered() {
        Message message = new Message(0, "m-1", new ServiceId("desktop", "alice"), Address.topic("player.1"), "s",
                codec.mapper().readTree("{\"text\":\"a, b, c\"}"), true);

        String text = PreparedFrame.of(message).withSeq(42);

        assertThat(codec.decode(text)).isEqualTo(message.withSeq(42));
        assertThat(text).isEqualTo(codec.encode(message.withSeq(42)));
    }

    @Test
    void one_prepared_frame_serves_many_numbers() {
        PreparedFrame prepared = PreparedFrame.of(ErrorFrame.of(null, ErrorCode.RATE_LIMITED, "slow down"));

        for (long seq = 1; seq <= 3; seq++) {
            assertThat(((Numbered) codec.decode(prepared.withSeq(seq))).seq()).isEqualTo(seq);
        }
    }

    @Test
    void a_frame_that_was_numbered_already_is_renumbered() {
        Message numbered = new Message(7, "m-2", null, Address.everyone(), "s", null, false);

        assertThat(((Numbered) codec.decode(PreparedFrame.of(numbered).withSeq(9))).seq()).isEqualTo(9);
    }
}
