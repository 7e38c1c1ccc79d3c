package dev.roadie.hub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HubConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        HubConfig config = HubConfig.defaults();

        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(7070);
        assertThat(config.data()).isEqualTo(Path.of("data"));
        assertThat(config.heartbeat()).isEqualTo(new HubConfig.Heartbeat(Duration.ofSeconds(4), 3));
        assertThat(config.limits()).isEqualTo(new HubConfig.Limits(1_048_576, 200, 400, 32, 25_000, 4L << 20, 10_000,
                16L << 20, 256, 16, Duration.ofSeconds(5), 8, 5, Duration.ofSeconds(1), Duration.ofMinutes(5)));
        assertThat(config.requests()).isEqualTo(new HubConfig.Requests(Duration.ofSeconds(10), Duration.ofMinutes(5)));
        assertThat(config.registry()).isEqualTo(new HubConfig.Registry(Duration.ofSeconds(45), Duration.ofMinutes(15)));
        assertThat(config.sessions()).isEqualTo(new HubConfig.Sessions(Duration.ofMinutes(2), Duration.ofSeconds(5), 100,
                200, Duration.ofDays(1), Duration.ofMillis(5), 2, 10, 20, 100));
        assertThat(config.http()).isEqualTo(new HttpConfig(Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofSeconds(60), 512, 64, 32, "none", "none", "none"));
        assertThat(config.http().trustedProxyList()).isEmpty();
    }

    @Test
    void derivedValues() {
        HubConfig config = HubConfig.defaults();

        assertThat(config.heartbeat().deadAfter()).isEqualTo(Duration.ofSeconds(12));
        assertThat(config.limits().hardMaxFrameBytes()).isEqualTo(4 << 20);
    }

    @Test
    void withPortAndWithDataChangeOnlyThat() {
        HubConfig config = HubConfig.defaults().withPort(0).withData(Path.of("/tmp/roadie"));

        assertThat(config.port()).isZero();
        assertThat(config.data()).isEqualTo(Path.of("/tmp/roadie"));
        assertThat(config.withPort(7070).withData(Path.of("data"))).isEqualTo(HubConfig.defaults());
    }

    @Test
    void recordsRefuseBadValuesHoweverTheyAreBuilt() {
        assertThatThrownBy(() -> HubConfig.defaults().withPort(70_000))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Setting port: expected a port from 0 to 65535 (0 picks any free port), got '70000'");
        assertThatThrownBy(() -> new HubConfig.Heartbeat(Duration.ofMillis(5), 2))
                .hasMessage("Setting heartbeat.interval: expected at least 10ms, got '5ms'");
        assertThatThrownBy(() -> new HubConfig.Registry(Duration.ofMinutes(1), Duration.ofMinutes(1)))
                .hasMessage("Setting registry.removeAfter: expected longer than registry.downAfter (1m), got '1m'");
        assertThatThrownBy(() -> new HubConfig.Sessions(Duration.ofMinutes(2), Duration.ofSeconds(5), 100, 200,
                Duration.ofDays(1), Duration.ofSeconds(2), 2, 10, 20, 100))
                .hasMessage("Setting sessions.ackDelay: expected from 0s to 1s, got '2s'");
        assertThat(new HubConfig.Sessions(Duration.ofMinutes(2), Duration.ofSeconds(5), 100, 200, Duration.ofDays(1),
                Duration.ZERO, 2, 10, 20, 100).ackDelay()).as("0 acks every frame at once").isZero();
        assertThatThrownBy(() -> new HttpConfig(Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofSeconds(60), 512, 64, 32, "none", "example.org", "none"))
                .hasMessageStartingWith("Setting http.allowedOrigins: expected origins like chrome-extension://");
        assertThatThrownBy(() -> HubConfig.defaults().withData(null))
                .hasMessage("Setting data: expected a value, got nothing");
    }

    @Test
    void aProblemKnowsItsSetting() {
        ConfigException problem = ConfigException.invalid("port", "expected a port", "x");

        assertThat(problem.setting()).contains("port");
        assertThat(new ConfigException("plain").setting()).isEmpty();
    }
}
