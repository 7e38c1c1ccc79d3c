package dev.roadie.hub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How defaults, roadie.yml, the environment and the command line combine. */
class ConfigLoaderLayersTest {

    @TempDir
    Path dir;

    private HubConfig load(Map<String, String> env, Map<String, String> overrides) {
        return ConfigLoader.load(null, dir, env, overrides);
    }

    private Path roadieYml(String yaml) throws IOException {
        return Files.writeString(dir.resolve("roadie.yml"), yaml);
    }

    @Test
    void with_nothing_given_the_defaults_apply() {
        HubConfig config = load(Map.of(), Map.of());

        HubConfig defaults = HubConfig.defaults();
        assertThat(config).isEqualTo(defaults.withData(dir.resolve("data"))
                .withSearch(defaults.search().withPluginFolder(dir.resolve("plugins"))));
    }

    @Test
    void the_file_overrides_defaults_setting_by_setting() throws IOException {
        roadieYml("""
                port: 8080
                heartbeat:
                  interval: 20s
                limits:
                  maxFrameBytes: 2MiB
                  maxConnections: 50
                registry:
                  removeAfter: 1h
                """);

        HubConfig config = load(Map.of(), Map.of());

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.heartbeat().interval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.heartbeat().tolerance()).as("not in the file: the default").isEqualTo(HubConfig.defaults().heartbeat().tolerance());
        assertThat(config.limits().maxFrameBytes()).isEqualTo(2 << 20);
        assertThat(config.limits().maxConnections()).isEqualTo(50);
        assertThat(config.limits().framesPerSecond()).isEqualTo(200);
        assertThat(config.registry().removeAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(config.registry().downAfter()).as("not in the file: the default").isEqualTo(Duration.ofSeconds(45));
        assertThat(config.host()).isEqualTo("0.0.0.0");
    }

    @Test
    void the_environment_overrides_the_file() throws IOException {
        roadieYml("""
                port: 8080
                limits:
                  maxFrameBytes: 2MiB
                  maxSubscriptions: 10
                """);

        HubConfig config = load(Map.of("ROADIE_PORT", "9090", "ROADIE_LIMITS_MAX_FRAME_BYTES", "64KiB",
                "ROADIE_REGISTRY_DOWN_AFTER", "1m"), Map.of());

        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.limits().maxFrameBytes()).isEqualTo(64 * 1024);
        assertThat(config.limits().maxSubscriptions()).isEqualTo(10);
        assertThat(config.registry().downAfter()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void the_command_line_overrides_the_environment() throws IOException {
        roadieYml("port: 8080\n");

        HubConfig config = load(Map.of("ROADIE_PORT", "9090", "ROADIE_HOST", "127.0.0.1"),
                Map.of("port", "9999", "limits.maxUnackedBytes", "32MiB", "data", "elsewhere"));

        assertThat(config.port()).isEqualTo(9999);
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.limits().maxUnackedBytes()).isEqualTo(32L << 20);
        assertThat(config.data()).isEqualTo(dir.resolve("elsewhere"));
    }

    @Test
    void every_setting_is_read_from_the_environment_by_its_derived_name() {
        Map<String, String> env = new java.util.HashMap<>();
        for (Setting setting : SettingSchema.HUB.settings()) {
            env.put(setting.envName(), DefaultSettings.raw().get(setting.key()).text());
        }
        assertThat(load(env, Map.of())).isEqualTo(load(Map.of(), Map.of()));

        env.put("ROADIE_PORT", "1234");
        env.put("ROADIE_LIMITS_AUTH_TIMEOUT", "250ms");
        HubConfig config = load(env, Map.of());

        assertThat(config.port()).isEqualTo(1234);
        assertThat(config.limits().authTimeout()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void an_empty_environment_variable_counts_as_unset() {
        HubConfig config = load(Map.of("ROADIE_PORT", "", "ROADIE_HOST", "  "), Map.of());

        assertThat(config.port()).isEqualTo(7070);
        assertThat(config.host()).isEqualTo("0.0.0.0");
    }

    @Test
    void an_explicit_file_is_read_instead_of_roadie_yml() throws IOException {
        roadieYml("port: 8080\n");
        Path other = Files.writeString(dir.resolve("other.yml"), "port: 8181\n");

        assertThat(ConfigLoader.load(other, dir, Map.of(), Map.of()).port()).isEqualTo(8181);
        assertThat(ConfigLoader.load(Path.of("other.yml"), dir, Map.of(), Map.of()).port()).isEqualTo(8181);
    }

    @Test
    void roadie_config_names_the_file_when_none_is_given() throws IOException {
        roadieYml("port: 8080\n");
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/hub.yml"), "port: 8282\n");
        Path explicit = Files.writeString(dir.resolve("explicit.yml"), "port: 8383\n");

        assertThat(load(Map.of("ROADIE_CONFIG", "conf/hub.yml"), Map.of()).port()).isEqualTo(8282);
        assertThat(ConfigLoader.load(explicit, dir, Map.of("ROADIE_CONFIG", "conf/hub.yml"), Map.of()).port())
                .isEqualTo(8383);
    }

    @Test
    void empty_files_and_empty_sections_change_nothing() throws IOException {
        roadieYml("");
        assertThat(load(Map.of(), Map.of()).port()).isEqualTo(7070);

        roadieYml("# nothing yet\n");
        assertThat(load(Map.of(), Map.of()).port()).isEqualTo(7070);

        roadieYml("""
                limits:
                  # maxConnections: 5
                heartbeat:
                """);
        assertThat(load(Map.of(), Map.of()).limits()).isEqualTo(HubConfig.defaults().limits());
    }

    @Test
    void relative_data_paths_resolve_against_the_working_directory() throws IOException {
        assertThat(load(Map.of(), Map.of()).data()).isEqualTo(dir.resolve("data"));

        roadieYml("data: ./state/../hub-data\n");
        assertThat(load(Map.of(), Map.of()).data()).isEqualTo(dir.resolve("hub-data"));
        assertThat(load(Map.of("ROADIE_DATA", "../shared"), Map.of()).data()).isEqualTo(dir.getParent().resolve("shared"));

        Path absolute = dir.resolve("abs").toAbsolutePath();
        assertThat(load(Map.of(), Map.of("data", absolute.toString())).data()).isEqualTo(absolute);
    }

    @Test
    void a_relative_working_directory_is_made_absolute() {
        HubConfig config = ConfigLoader.load(null, Path.of("target/no-such-place"), Map.of(), Map.of());

        assertThat(config.data()).isAbsolute().endsWithRaw(Path.of("target/no-such-place/data"));
    }

    @Test
    void yaml_numbers_and_quoted_strings_both_work() throws IOException {
        roadieYml("""
                port: "8080"
                limits:
                  maxFrameBytes: 65536
                  maxPendingBytes: '8MiB'
                """);

        HubConfig config = load(Map.of(), Map.of());

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.limits().maxFrameBytes()).isEqualTo(65536);
        assertThat(config.limits().maxPendingBytes()).isEqualTo(8L << 20);
    }
}
