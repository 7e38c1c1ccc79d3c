package dev.roadie.model.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ControlFramesTest {
    private final FrameCodec codec = FrameCodec.DEFAULT;

    @Test
    void control_frames_are_written_exactly_as_the_mapper_writes_them() {
        List<Frame> frames = List.of(new Ack(0), new Ack(1), new Ack(Long.MAX_VALUE), new Ping(0), new Ping(-5),
                new Ping(1_746_093_912_345L), new Pong(0, null), new Pong(7, null), new Pong(7, "3f9a1c22b0e4"),
                new Pong(0, "3f9a1c22b0e4"), new Pong(7, ""), new Pong(Long.MIN_VALUE, "a-B_9"));
        for (Frame frame : frames) {
            String fast = ControlFrames.encode(frame);
            assertThat(fast).as("%s", frame).isNotNull()
                    .isEqualTo(codec.mapper().writerFor(Frame.class).writeValueAsString(frame));
            assertThat(codec.decode(fast)).isEqualTo(frame.equals(new Pong(7, "")) ? new Pong(7, null) : frame);
        }
    }

    @Test
    void control_frames_are_read_exactly_as_the_mapper_reads_them() {
        List<String> texts = List.of("{\"type\":\"ack\",\"seq\":0}", "{\"type\":\"ack\",\"seq\":7}",
                "{\"type\":\"ack\",\"seq\":999999999999999999}", "{\"type\":\"ping\",\"ts\":1746093912345}",
                "{\"type\":\"pong\",\"ts\":1746093912345}", "{\"type\":\"pong\",\"ts\":0}");
        for (String text : texts) {
            Frame fast = ControlFrames.decode(text);
            assertThat(fast).as(text).isNotNull()
                    .isEqualTo(codec.mapper().readerFor(Frame.class).readValue(text));
        }
    }

    @Test
    void anything_but_the_exact_forms_is_left_to_the_mapper() {
        List<String> texts = List.of("{\"type\":\"ack\",\"seq\":01}", "{\"type\":\"ack\",\"seq\":-1}",
                "{\"type\":\"ack\",\"seq\":1} ", "{\"type\":\"ack\",\"seq\":1}}", "{\"type\":\"ack\",\"seq\":}",
                "{\"type\":\"ack\",\"seq\":1.5}", "{\"type\":\"ack\",\"seq\":99999999999999999999}",
                "{\"type\":\"ack\",\"seq\":1,\"seq\":2}", "{\"type\":\"pong\",\"ts\":5,\"epoch\":\"e\"}",
                "{\"type\":\"ack\", \"seq\":1}", "{\"seq\":1,\"type\":\"ack\"}", "");
        for (String text : texts) {
            assertThat(ControlFrames.decode(text)).as(text).isNull();
        }
        assertThatThrownBy(() -> codec.decode("{\"type\":\"ack\",\"seq\":01}")).isInstanceOf(FrameException.class);
        assertThatThrownBy(() -> codec.decode("{\"type\":\"ack\",\"seq\":1,\"seq\":2}"))
                .isInstanceOf(FrameException.class);
        assertThat(codec.decode("{\"seq\":3,\"type\":\"ack\"}")).isEqualTo(new Ack(3));
    }

    @Test
    void an_epoch_that_needs_escaping_is_left_to_the_mapper() {
        Pong odd = new Pong(1, "quote\"and\\slash");

        assertThat(ControlFrames.encode(odd)).isNull();
        assertThat(codec.decode(codec.encode(odd))).isEqualTo(odd);
    }

    @Test
    void other_frames_are_left_to_the_mapper() {
        assertThat(ControlFrames.encode(new Goodbye("bye", 10))).isNull();
    }
}
