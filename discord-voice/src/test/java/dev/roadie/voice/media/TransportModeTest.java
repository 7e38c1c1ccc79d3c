package dev.roadie.voice.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TransportModeTest {

    @Test
    void aes_gcm_is_picked_when_offered_as_discord_asks() {
        assertThat(TransportMode.pick(List.of("aead_xchacha20_poly1305_rtpsize", "xsalsa20_poly1305_lite_rtpsize", "aead_aes256_gcm_rtpsize")))
                .isEqualTo(TransportMode.AEAD_AES256_GCM_RTPSIZE);
    }

    @Test
    void xchacha20_poly1305_is_picked_when_aes_gcm_is_not_offered() {
        assertThat(TransportMode.pick(List.of("xsalsa20_poly1305_lite_rtpsize", "aead_xchacha20_poly1305_rtpsize")))
                .isEqualTo(TransportMode.AEAD_XCHACHA20_POLY1305_RTPSIZE);
    }

    @Test
    void a_server_offering_only_deprecated_modes_is_refused_naming_what_it_offered() {
        assertThatThrownBy(() -> TransportMode.pick(List.of("xsalsa20_poly1305")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xsalsa20_poly1305")
                .hasMessageContaining("aead_aes256_gcm_rtpsize");
    }

    @Test
    void wire_names_read_back_to_their_modes() {
        for (TransportMode mode : TransportMode.values()) {
            assertThat(TransportMode.fromWireName(mode.wireName())).contains(mode);
        }
        assertThat(TransportMode.fromWireName("xsalsa20_poly1305")).isEmpty();
    }
}
