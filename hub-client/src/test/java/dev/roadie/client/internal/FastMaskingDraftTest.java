package dev.roadie.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.enums.Role;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.PingFrame;
import org.java_websocket.framing.TextFrame;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FastMaskingDraftTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 125, 126, 127, 65_535, 65_536, 200_003})
    void a_server_reads_back_every_length_form_the_client_writes(int length) throws Exception {
        String text = "é".repeat(length / 2) + "x".repeat(length % 2);
        TextFrame frame = new TextFrame();
        frame.setPayload(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        frame.setFin(true);

        FastMaskingDraft client = new FastMaskingDraft();
        client.setParseMode(Role.CLIENT);
        ByteBuffer wire = client.createBinaryFrame(frame);

        assertThat(wire.get(1) & 0x80).as("a client masks its frames").isEqualTo(0x80);
        Draft_6455 server = new Draft_6455();
        server.setParseMode(Role.SERVER);
        List<Framedata> read = server.translateFrame(wire);
        assertThat(read).hasSize(1);
        assertThat(read.getFirst().getOpcode()).isEqualTo(Opcode.TEXT);
        assertThat(read.getFirst().isFin()).isTrue();
        assertThat(StandardCharsets.UTF_8.decode(read.getFirst().getPayloadData()).toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 125})
    void control_frames_and_unmasked_frames_keep_their_form(int length) throws Exception {
        PingFrame ping = new PingFrame();
        ping.setPayload(ByteBuffer.wrap("p".repeat(length).getBytes(StandardCharsets.US_ASCII)));

        FastMaskingDraft asServer = new FastMaskingDraft();
        asServer.setParseMode(Role.SERVER);
        ByteBuffer ours = asServer.createBinaryFrame(ping);
        Draft_6455 library = new Draft_6455();
        library.setParseMode(Role.SERVER);
        ping.getPayloadData().rewind();

        assertThat(ours).as("unmasked frames are byte for byte the library's").isEqualTo(library.createBinaryFrame(ping));
    }
}
