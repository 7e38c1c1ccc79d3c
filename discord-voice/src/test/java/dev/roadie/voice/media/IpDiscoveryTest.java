package dev.roadie.voice.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IpDiscoveryTest {

    @Test
    void the_request_is_74_bytes_type_1_length_70_with_the_ssrc() {
        ByteBuffer request = ByteBuffer.wrap(IpDiscovery.request(0x01020304));

        assertThat(request.capacity()).isEqualTo(74);
        assertThat(request.getShort(0)).isEqualTo((short) 1);
        assertThat(request.getShort(2)).isEqualTo((short) 70);
        assertThat(request.getInt(4)).isEqualTo(0x01020304);
        assertThat(IpDiscovery.isRequest(request.array(), 74)).isTrue();
    }

    @Test
    void the_response_carries_the_address_null_terminated_and_the_port() {
        ByteBuffer response = ByteBuffer.wrap(IpDiscovery.response(9, new InetSocketAddress("203.0.113.7", 50_004)));

        assertThat(response.getShort(0)).isEqualTo((short) 2);
        assertThat(new String(response.array(), 8, 11, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("203.0.113.7");
        assertThat(response.get(8 + 11)).isZero();
        assertThat(response.getShort(72) & 0xFFFF).isEqualTo(50_004);
    }

    @Test
    void no_answer_ends_in_a_timeout_that_says_what_to_check() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             DatagramSocket client = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            InetSocketAddress server = (InetSocketAddress) silent.getLocalSocketAddress();

            assertThatThrownBy(() -> IpDiscovery.discover(client, server, 1, Duration.ofMillis(300)))
                    .isInstanceOf(SocketTimeoutException.class)
                    .hasMessageContaining("firewall");
        }
    }
}
