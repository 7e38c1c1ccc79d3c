package dev.roadie.audio.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sedmelluq.discord.lavaplayer.player.AudioConfiguration.ResamplingQuality;
import dev.roadie.audio.plugin.YoutubePlugin;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApplicationYmlTest {
    /** A Lavalink 4 application.yml as its users write them, with sections that mean nothing here. */
    static final String LAVALINK_FILE = """
            server:
              port: 2444
              address: 127.0.0.1
              http2:
                enabled: false
            plugins:
            lavalink:
              plugins:
              server:
                password: "youshallnotpass"
                sources:
                  youtube: false
                  bandcamp: true
                  soundcloud: true
                  twitch: false
                  nico: true
                  http: true
                  local: false
                filters:
                  volume: true
                  distortion: false
                  channelMix: false
                bufferDurationMs: 400
                frameBufferDurationMs: 1000
                opusEncodingQuality: 9
                resamplingQuality: medium
                trackStuckThresholdMs: 8000
                use-seek-ghosting: false
                playerUpdateInterval: 2
                gc-warnings: true
            metrics:
              prometheus:
                enabled: false
            logging:
              level:
                root: INFO
            """;

    @Test
    void lavalinks_keys_that_mean_the_same_are_read() {
        ApplicationYml yml = ApplicationYml.parse(LAVALINK_FILE, "application.yml");

        assertThat(yml.port()).isEqualTo(2444);
        assertThat(yml.address()).isEqualTo("127.0.0.1");
        assertThat(yml.password()).isEqualTo("youshallnotpass");
        assertThat(yml.playerUpdateInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(yml.audio().disabledSources()).containsExactlyInAnyOrder("youtube", "twitch", "local");
        assertThat(yml.audio().disabledFilters()).containsExactlyInAnyOrder("distortion", "channelMix");
        assertThat(yml.audio().frameBufferDurationMs()).isEqualTo(1000);
        assertThat(yml.audio().opusEncodingQuality()).isEqualTo(9);
        assertThat(yml.audio().resamplingQuality()).isEqualTo(ResamplingQuality.MEDIUM);
        assertThat(yml.audio().trackStuckThresholdMs()).isEqualTo(8000L);
        assertThat(yml.audio().useSeekGhosting()).isFalse();
    }

    @Test
    void each_key_that_does_not_apply_is_named_in_a_warning() {
        ApplicationYml yml = ApplicationYml.parse(LAVALINK_FILE, "application.yml");

        assertThat(yml.warnings()).containsExactlyInAnyOrder(
                "application.yml: server.http2.enabled does not apply here; it is ignored",
                "application.yml: lavalink.server.bufferDurationMs does not apply here (it sizes JDA-NAS's send "
                        + "buffer, which this node does not use); it is ignored",
                "application.yml: lavalink.server.gc-warnings does not apply here (this node does not watch garbage "
                        + "collection pauses); it is ignored",
                "application.yml: metrics.prometheus.enabled does not apply here; it is ignored",
                "application.yml: logging.level.root does not apply here; it is ignored");
    }

    @Test
    void a_bad_value_is_one_line_naming_the_file_the_key_and_what_it_takes() {
        assertThatThrownBy(() -> ApplicationYml.parse("server:\n  port: lots\n", "/etc/node/application.yml"))
                .hasMessage("/etc/node/application.yml: server.port must be a whole number from 0 to 65535, not 'lots'");
        assertThatThrownBy(() -> ApplicationYml.parse("lavalink:\n  server:\n    filters:\n      timescale: maybe\n",
                "application.yml"))
                .hasMessage("application.yml: lavalink.server.filters.timescale must be true or false, not 'maybe'");
        assertThatThrownBy(() -> ApplicationYml.parse("lavalink:\n  server:\n    resamplingQuality: best\n",
                "application.yml"))
                .hasMessage("application.yml: lavalink.server.resamplingQuality must be LOW, MEDIUM or HIGH, not 'best'");
        assertThatThrownBy(() -> ApplicationYml.parse("server: [port]\nlavalink: {\n", "application.yml"))
                .hasMessageStartingWith("application.yml is not valid YAML")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void the_youtube_plugins_switches_and_any_sources_key_are_read_and_its_clients_warned_about() {
        ApplicationYml yml = ApplicationYml.parse("""
                lavalink:
                  server:
                    sources:
                      youtube: false
                      testsrc: false
                plugins:
                  youtube:
                    enabled: true
                    allowSearch: false
                    clients: [MUSIC, WEB]
                """, "application.yml");

        assertThat(yml.youtube()).isEqualTo(new YoutubePlugin(true, false));
        assertThat(yml.audio().disabledSources()).containsExactlyInAnyOrder("youtube", "testsrc");
        assertThat(yml.warnings()).containsExactly("application.yml: plugins.youtube.clients does not apply here "
                + "(youtube-source is made with its default clients; only plugins.youtube.enabled and allowSearch are "
                + "read); it is ignored");
        assertThat(ApplicationYml.parse("", "application.yml").youtube()).isEqualTo(YoutubePlugin.OFF);
    }

    @Test
    void an_empty_file_sets_nothing() {
        ApplicationYml yml = ApplicationYml.parse("", "application.yml");

        assertThat(yml.port()).isNull();
        assertThat(yml.warnings()).isEmpty();
    }
}
