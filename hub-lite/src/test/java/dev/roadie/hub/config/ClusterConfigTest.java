package dev.roadie.hub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The socket URL a cluster hub gives clients in its welcome (cluster.publicUrl). */
class ClusterConfigTest {

    static ClusterConfig withPublicUrl(String publicUrl) {
        return new ClusterConfig("redis://127.0.0.1:6379", "roadie", Duration.ofSeconds(5), publicUrl);
    }

    @Test
    void auto_advertises_the_socket_of_a_hub_on_one_address_and_nothing_for_one_on_all() {
        ClusterConfig auto = withPublicUrl("auto");

        assertThat(auto.advertisedUrl("10.0.0.5", 7070)).contains("ws://10.0.0.5:7070/ws");
        assertThat(auto.advertisedUrl("fd00::5", 7070)).contains("ws://[fd00::5]:7070/ws");
        assertThat(auto.advertisedUrl("0.0.0.0", 7070)).isEmpty();
        assertThat(auto.advertisedUrl("::", 7070)).isEmpty();
    }

    @Test
    void a_url_set_is_advertised_as_it_is_and_none_advertises_nothing() {
        assertThat(withPublicUrl("wss://hub-a.example.org/ws").advertisedUrl("0.0.0.0", 7070))
                .contains("wss://hub-a.example.org/ws");
        assertThat(withPublicUrl("none").advertisedUrl("10.0.0.5", 7070)).isEmpty();
    }

    @Test
    void a_public_url_that_is_no_socket_url_is_refused_saying_what_is_expected() {
        assertThatThrownBy(() -> withPublicUrl("https://hub-a.example.org"))
                .hasMessageContaining("cluster.publicUrl").hasMessageContaining("wss://HOST/ws");
    }

    @Test
    void the_default_is_auto() {
        assertThat(HubConfig.defaults().cluster().publicUrl()).isEqualTo("auto");
    }
}
