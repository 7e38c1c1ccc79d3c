package dev.roadie.audio.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnnounceSettingsTest {
    private static final Map<String, String> HUB = Map.of("ROADIE_AUDIO_HUB", "wss://hub.example.org/ws",
            "ROADIE_AUDIO_HUB_TOKEN", "t0ken", "ROADIE_AUDIO_NAME", "ams-1");

    @Test
    void without_a_hub_the_node_announces_nothing() {
        assertThat(AnnounceSettings.fromEnvironment(Map.of("ROADIE_AUDIO_HUB_TOKEN", "t0ken"), 2333, "pw")).isEmpty();
        assertThat(AnnounceSettings.fromEnvironment(Map.of("ROADIE_AUDIO_HUB", " "), 2333, "pw")).isEmpty();
    }

    @Test
    void with_a_hub_the_defaults_are_the_node_agents() {
        AnnounceSettings settings = AnnounceSettings.fromEnvironment(HUB, 2444, "pw").orElseThrow();

        assertThat(settings.facts().endpoint().port()).isEqualTo(2444);
        assertThat(settings.facts().endpoint().tls()).isFalse();
        assertThat(settings.facts().password()).isEqualTo("pw");
        assertThat(settings.facts().clientName()).isEqualTo("audio-node-ams-1");
        assertThat(settings.facts().labels()).isEmpty();
        assertThat(settings.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.health().readings()).isEqualTo(3);
        assertThat(settings.retire().enabled()).isTrue();
        assertThat(settings.retire().drainDeadline()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.retire().command()).isEmpty();
        assertThat(settings.retire().digitalOcean()).isNull();
        assertThat(settings.toString()).doesNotContain("t0ken").doesNotContain("pw");
    }

    @Test
    void the_retire_command_is_split_on_spaces_and_the_public_endpoint_is_set_apart_from_the_port() {
        Map<String, String> env = new java.util.HashMap<>(HUB);
        env.putAll(Map.of("ROADIE_AUDIO_RETIRE_COMMAND", "/usr/local/bin/replace-node  --now",
                "ROADIE_AUDIO_PUBLIC_HOST", "ams-1.example.org", "ROADIE_AUDIO_PUBLIC_PORT", "443",
                "ROADIE_AUDIO_PUBLIC_TLS", "true", "ROADIE_AUDIO_REGION", "eu"));
        AnnounceSettings settings = AnnounceSettings.fromEnvironment(env, 2333, "pw").orElseThrow();

        assertThat(settings.retire().command()).isEqualTo(List.of("/usr/local/bin/replace-node", "--now"));
        assertThat(settings.facts().endpoint().uri()).hasToString("https://ams-1.example.org:443");
        assertThat(settings.facts().labels()).containsEntry("region", "eu");
    }

    @Test
    void a_missing_token_or_a_bad_value_names_the_variable_and_what_to_set() {
        assertThatThrownBy(() -> AnnounceSettings.fromEnvironment(Map.of("ROADIE_AUDIO_HUB", "wss://h/ws"), 1, "pw"))
                .hasMessageContaining("ROADIE_AUDIO_HUB_TOKEN").hasMessageContaining("announce:audio-node");
        Map<String, String> http = new java.util.HashMap<>(HUB);
        http.put("ROADIE_AUDIO_HUB", "https://hub.example.org");
        assertThatThrownBy(() -> AnnounceSettings.fromEnvironment(http, 1, "pw")).hasMessageContaining("ws://");
        Map<String, String> slow = new java.util.HashMap<>(HUB);
        slow.put("ROADIE_AUDIO_ANNOUNCE_INTERVAL", "soon");
        assertThatThrownBy(() -> AnnounceSettings.fromEnvironment(slow, 1, "pw"))
                .hasMessageContaining("ROADIE_AUDIO_ANNOUNCE_INTERVAL").hasMessageContaining("15s");
    }
}
