package dev.roadie.model.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.roadie.model.wire.Frame;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.FrameException;
import java.nio.charset.StandardCharsets;

/**
 * Every text frame a client sends goes through {@link FrameCodec#decode} first.
 *
 * <p>Invariant: for any text, decoding returns a frame or throws {@link FrameException} with a
 * code and a message, which the hub sends back as an error frame; any other exception would
 * close the socket with 1011 instead of telling the client what is wrong. A frame that decodes
 * also encodes, since the hub relays what it read, and that encoding reads back to a frame with
 * the same encoding, as JSON. (Not to an equal frame: the codec writes empty text as absent, so a
 * hello's {@code "token":""} reads back as no token; and not as the same text: a map's keys may
 * come out in another order.)
 *
 * <p>Corpus: {@code FrameCodecFuzzTestInputs/} beside this class in the test resources, one
 * frame per file as the client sends it.
 */
class FrameCodecFuzzTest {
    private static final FrameCodec CODEC = FrameCodec.DEFAULT;

    @FuzzTest(maxDuration = "15s")
    void any_text_decodes_to_a_frame_or_a_frame_exception(byte[] input) {
        // WebSocket text frames are UTF-8; what a client can send is any string.
        String text = new String(input, StandardCharsets.UTF_8);
        Frame frame;
        try {
            frame = CODEC.decode(text);
        } catch (FrameException refused) {
            assertThat(refused.code()).as("the error code of a refused frame").isNotNull();
            assertThat(refused.getMessage()).as("the message of a refused frame").isNotBlank();
            return;
        }
        assertThat(frame).isNotNull();
        String encoded = CODEC.encode(frame);
        // Compared as JSON trees: the order of a map's keys (a service's labels) may differ.
        assertThat(CODEC.mapper().readTree(CODEC.encode(CODEC.decode(encoded))))
                .as("the encoding of the frame read back from its own encoding")
                .isEqualTo(CODEC.mapper().readTree(encoded));
    }
}
