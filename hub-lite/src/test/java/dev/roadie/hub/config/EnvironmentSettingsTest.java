package dev.roadie.hub.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import dev.roadie.settings.RawValue;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class EnvironmentSettingsTest {

    @TempDir
    Path dir;

    private final Logger logger = (Logger) LoggerFactory.getLogger(EnvironmentSettings.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    private List<String> warnings() {
        return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void variable_names_are_derived_from_keys() {
        // How a key becomes a variable name is tested with the settings library (EnvironmentVariablesTest).
        assertThat(Setting.envName("limits.maxFrameBytes")).isEqualTo("ROADIE_LIMITS_MAX_FRAME_BYTES");
        assertThat(SettingSchema.HUB.findByEnvName("ROADIE_LIMITS_MAX_SERVICES_PER_CONNECTION"))
                .map(Setting::key).contains("limits.maxServicesPerConnection");
    }

    @Test
    void unknown_roadie_variables_are_warned_about_but_do_not_stop_the_hub() {
        HubConfig config = ConfigLoader.load(null, dir,
                Map.of("ROADIE_HOME", "/opt/roadie", "ROADIE_PROT", "80", "ROADIE_PORT", "8080"), Map.of());

        assertThat(config.port()).isEqualTo(8080);
        assertThat(warnings()).containsExactly(
                "Ignoring environment variable ROADIE_HOME: it names no hub setting",
                "Ignoring environment variable ROADIE_PROT: it names no hub setting (did you mean ROADIE_PORT?)");
    }

    @Test
    void other_variables_and_roadie_config_are_not_settings_and_not_warned_about() {
        Map<String, RawValue> values = EnvironmentSettings.read(
                Map.of("PATH", "/usr/bin", "ROADIE_CONFIG", "x.yml", "ROADIE_DATA", "/srv/roadie"), SettingSchema.HUB);

        assertThat(values).containsOnlyKeys("data");
        assertThat(values.get("data")).isEqualTo(new RawValue("/srv/roadie", "ROADIE_DATA"));
        assertThat(warnings()).isEmpty();
    }

    @Test
    void the_client_commands_variables_are_not_warned_about() {
        ConfigLoader.load(null, dir, Map.of("ROADIE_HUB", "ws://localhost:7070/ws", "ROADIE_TOKEN", "rd_x_y",
                "ROADIE_JAVA_HOME", "/opt/java"), Map.of());

        assertThat(warnings()).isEmpty();
    }
}
