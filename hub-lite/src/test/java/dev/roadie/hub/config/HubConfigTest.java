package dev.roadie.hub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HubConfigTest {

    @Test
    void defaults_are_the_documented_ones() {
        HubConfig config = HubConfig.defaults();

        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(7070);
        assertThat(config.data()).isEqualTo(Path.of("data"));
        assertThat(config.heartbeat()).isEqualTo(new HubConfig.Heartbeat(Duration.ofSeconds(4), 3));
        assertThat(config.limits()).isEqualTo(new HubConfig.Limits(1_048_576, 200, 400, 32, 25_000, 4L << 20, 10_000,
                16L << 20, 256, 16, Duration.ofSeconds(5), 8, 1000, 5, Duration.ofSeconds(1), Duration.ofMinutes(5)));
        assertThat(config.requests()).isEqualTo(new HubConfig.Requests(Duration.ofSeconds(10), Duration.ofMinutes(5)));
        assertThat(config.quotas()).isEqualTo(new HubConfig.Quotas(10_000, 64L << 20, 1_000, 8L << 20, 100_000,
                256L << 20, 1_000, 2_000, 8, 16, 4L << 20));
        assertThat(config.registry()).isEqualTo(new HubConfig.Registry(Duration.ofSeconds(45), Duration.ofMinutes(15),
                16 << 10, 64, 128, 32, 256, 16, Duration.ofSeconds(1), 256 << 10));
        assertThat(config.sessions()).isEqualTo(new HubConfig.Sessions(Duration.ofMinutes(2), Duration.ofSeconds(5), 100,
                200, Duration.ofDays(1), Duration.ofMillis(5), 2, 10, 20, 100));
        assertThat(config.http()).isEqualTo(new HttpConfig(Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofSeconds(60), 512, 64, 32, "none", "none", "none"));
        assertThat(config.http().trustedProxyList()).isEmpty();
    }

    @Test
    void derived_values() {
        HubConfig config = HubConfig.defaults();

        assertThat(config.heartbeat().deadAfter()).isEqualTo(Duration.ofSeconds(12));
        assertThat(config.limits().hardMaxFrameBytes()).isEqualTo(4 << 20);
    }

    @Test
    void with_port_and_with_data_change_only_that() {
        HubConfig config = HubConfig.defaults().withPort(0).withData(Path.of("/tmp/roadie"));

        assertThat(config.port()).isZero();
        assertThat(config.data()).isEqualTo(Path.of("/tmp/roadie"));
        assertThat(config.withPort(7070).withData(Path.of("data"))).isEqualTo(HubConfig.defaults());
    }

    @Test
    void records_refuse_bad_values_however_they_are_built() {
        assertThatThrownBy(() -> HubConfig.defaults().withPort(70_000))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Setting port: expected a port from 0 to 65535 (0 picks any free port), got '70000'");
        assertThatThrownBy(() -> new HubConfig.Heartbeat(Duration.ofMillis(5), 2))
                .hasMessage("Setting heartbeat.interval: expected at least 10ms, got '5ms'");
        assertThatThrownBy(() -> withRegistryLeases(Duration.ofMinutes(1), Duration.ofMinutes(1)))
                .hasMessage("Setting registry.removeAfter: expected longer than registry.downAfter (1m), got '1m'");
        assertThatThrownBy(() -> new HubConfig.Registry(Duration.ofMinutes(1), Duration.ofMinutes(2), 16 << 10, 300,
                128, 32, 256, 16, Duration.ofSeconds(1), 256 << 10))
                .hasMessage("Setting registry.maxCapabilities: expected a number from 1 to 256, got '300'");
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
    void a_problem_knows_its_setting() {
        ConfigException problem = ConfigException.invalid("port", "expected a port", "x");

        assertThat(problem.setting()).contains("port");
        assertThat(new ConfigException("plain").setting()).isEmpty();
    }

    private static HubConfig.Registry withRegistryLeases(Duration downAfter, Duration removeAfter) {
        HubConfig.Registry d = HubConfig.defaults().registry();
        return new HubConfig.Registry(downAfter, removeAfter, d.maxDescriptorBytes(), d.maxCapabilities(),
                d.maxCapabilityLength(), d.maxLabels(), d.maxLabelLength(), d.maxServicesPerOwner(), d.publishInterval(),
                d.snapshotPartBytes());
    }
}
