package dev.roadie.hub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a config can be wrong, and the one line that says so. */
class ConfigLoaderErrorsTest {

    private static final String SIZE = "expected a size like 1048576 or 1MiB";
    private static final String DURATION = "expected a duration like 250ms, 15s, 5m, 1h or 2d";

    @TempDir
    Path dir;

    private Path file;

    private AbstractThrowableAssert<?, ? extends Throwable> loadingFile(String yaml) throws IOException {
        file = Files.writeString(dir.resolve("roadie.yml"), yaml);
        return assertThatThrownBy(() -> ConfigLoader.load(null, dir, Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private AbstractThrowableAssert<?, ? extends Throwable> loading(Map<String, String> env,
            Map<String, String> overrides) {
        return assertThatThrownBy(() -> ConfigLoader.load(null, dir, env, overrides))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void a_bad_size_from_the_environment_names_the_variable() {
        loading(Map.of("ROADIE_LIMITS_MAX_FRAME_BYTES", "lots"), Map.of()).hasMessage(
                "Setting limits.maxFrameBytes from ROADIE_LIMITS_MAX_FRAME_BYTES: " + SIZE + ", got 'lots'");
    }

    @Test
    void a_bad_duration_in_the_file_names_the_file() throws IOException {
        loadingFile("heartbeat:\n  interval: 15\n").hasMessage(
                "Setting heartbeat.interval from " + file + ": " + DURATION + ", got '15'");
    }

    @Test
    void decimal_size_units_are_refused() throws IOException {
        loadingFile("limits:\n  maxPendingBytes: 4MB\n").hasMessage(
                "Setting limits.maxPendingBytes from " + file + ": " + SIZE + ", got '4MB'");
    }

    @Test
    void a_mistyped_cluster_redis_never_repeats_its_password() {
        // The value is a Redis URI, which may carry the password: a complaint must not log it.
        loading(Map.of("ROADIE_CLUSTER_REDIS", "redis//:s3cret-pass@redis.internal:6379"), Map.of())
                .hasMessageContaining("cluster.redis")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret-pass"));
        loading(Map.of(), Map.of("cluster.redis", "s3cret-pass@redis.internal"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret-pass"));
    }

    @Test
    void a_bad_value_on_the_command_line_says_so() {
        loading(Map.of(), Map.of("port", "70000")).hasMessage(
                "Setting port from the command line: expected a port from 0 to 65535 (0 picks any free port), got '70000'");
        loading(Map.of(), Map.of("port", "-1")).hasMessageEndingWith("got '-1'");
        loading(Map.of(), Map.of("port", "http")).hasMessage(
                "Setting port from the command line: expected a whole number, got 'http'");
    }

    @Test
    void port_zero_is_allowed() {
        assertThat(ConfigLoader.load(null, dir, Map.of(), Map.of("port", "0")).port()).isZero();
    }

    static Stream<Setting> limits() {
        return SettingSchema.HUB.settings().stream().filter(s -> s.key().startsWith("limits."));
    }

    @ParameterizedTest
    @MethodSource("limits")
    void every_limit_must_be_positive(Setting setting) {
        String zero = setting.kind() == SettingKind.DURATION ? "0s" : "0";
        String expected = switch (setting.key()) {
            case "limits.maxFrameBytes" -> "expected a size from 1 to 256MiB";
            case "limits.authTimeout", "limits.tokenFailureWait" -> "expected at least 1ms";
            case "limits.maxTokenFailureWait" -> "expected at least limits.tokenFailureWait (1s)";
            default -> "expected a number of at least 1";
        };
        loading(Map.of(), Map.of(setting.key(), zero)).hasMessage(
                "Setting " + setting.key() + " from the command line: " + expected + ", got '" + zero + "'");
    }

    @Test
    void max_frame_bytes_has_a_ceiling_so_its_hard_limit_fits_an_int() {
        loading(Map.of("ROADIE_LIMITS_MAX_FRAME_BYTES", "512MiB"), Map.of()).hasMessage(
                "Setting limits.maxFrameBytes from ROADIE_LIMITS_MAX_FRAME_BYTES: expected a size from 1 to 256MiB,"
                        + " got '512MiB'");
        assertThat(ConfigLoader.load(null, dir, Map.of("ROADIE_LIMITS_MAX_FRAME_BYTES", "256MiB"), Map.of())
                .limits().hardMaxFrameBytes()).isEqualTo(1 << 30);
    }

    @Test
    void a_number_too_big_for_its_setting_is_refused() throws IOException {
        loadingFile("limits:\n  maxConnections: 99999999999\n").hasMessage(
                "Setting limits.maxConnections from " + file + ": expected a whole number up to 2147483647,"
                        + " got '99999999999'");
    }

    @Test
    void heartbeat_tolerance_and_interval_have_floors() throws IOException {
        loadingFile("heartbeat:\n  tolerance: 0\n").hasMessage(
                "Setting heartbeat.tolerance from " + file + ": expected a number of at least 1, got '0'");
        loading(Map.of("ROADIE_HEARTBEAT_INTERVAL", "5ms"), Map.of()).hasMessage(
                "Setting heartbeat.interval from ROADIE_HEARTBEAT_INTERVAL: expected at least 10ms, got '5ms'");
        Files.delete(file);
        assertThat(ConfigLoader.load(null, dir, Map.of("ROADIE_HEARTBEAT_INTERVAL", "10ms"), Map.of())
                .heartbeat().interval().toMillis()).isEqualTo(10);
    }

    @Test
    void remove_after_must_be_longer_than_down_after() {
        loading(Map.of(), Map.of("registry.removeAfter", "45s")).hasMessage(
                "Setting registry.removeAfter from the command line: expected longer than registry.downAfter (45s),"
                        + " got '45s'");
        loading(Map.of("ROADIE_REGISTRY_DOWN_AFTER", "20m"), Map.of()).hasMessage(
                "Setting registry.removeAfter from the built-in defaults: expected longer than registry.downAfter"
                        + " (20m), got '15m'");
    }

    @Test
    void max_timeout_must_be_at_least_default_timeout() {
        loading(Map.of(), Map.of("requests.maxTimeout", "5s")).hasMessage(
                "Setting requests.maxTimeout from the command line: expected at least requests.defaultTimeout (10s),"
                        + " got '5s'");
        assertThat(ConfigLoader.load(null, dir, Map.of(), Map.of("requests.maxTimeout", "10s")).requests().maxTimeout())
                .isEqualTo(HubConfig.defaults().requests().defaultTimeout());
    }

    @Test
    void a_host_with_spaces_is_refused() {
        loading(Map.of("ROADIE_HOST", "my host"), Map.of()).hasMessage(
                "Setting host from ROADIE_HOST: expected a host name or address like 0.0.0.0, got 'my host'");
    }

    @Test
    void a_key_without_value_in_the_file_is_refused() throws IOException {
        loadingFile("port:\n").hasMessage("Setting port from " + file + ": expected a whole number, got nothing");
    }

    static Stream<Setting> everySetting() {
        return SettingSchema.HUB.settings().stream();
    }

    @ParameterizedTest
    @MethodSource("everySetting")
    void every_setting_is_read_from_its_own_variable(Setting setting) {
        String bad = switch (setting.kind()) {
            case TEXT -> "two words";
            case PATH -> "nul\0char";
            default -> "bad";
        };
        loading(Map.of(setting.envName(), bad), Map.of())
                .hasMessageStartingWith("Setting " + setting.key() + " from " + setting.envName() + ": expected");
    }

    @Test
    void an_unknown_key_in_the_file_is_named_with_the_closest_known_one() throws IOException {
        loadingFile("limits:\n  maxFrameByte: 1MiB\n").hasMessage(
                "Unknown setting 'limits.maxFrameByte' in " + file + "; did you mean 'limits.maxFrameBytes'?");
        loadingFile("limits:\n  max_frame_bytes: 1MiB\n").hasMessage(
                "Unknown setting 'limits.max_frame_bytes' in " + file + "; did you mean 'limits.maxFrameBytes'?");
        loadingFile("prot: 80\n").hasMessage("Unknown setting 'prot' in " + file + "; did you mean 'port'?");
        loadingFile("limit:\n  maxFrameBytes: 1MiB\n").hasMessage(
                "Unknown setting 'limit' in " + file + "; did you mean 'limits'?");
        loadingFile("maxFrameBytes: 1MiB\n").hasMessage(
                "Unknown setting 'maxFrameBytes' in " + file + "; did you mean 'limits.maxFrameBytes'?");
    }

    @Test
    void an_unknown_key_unlike_any_other_points_to_the_docs() throws IOException {
        loadingFile("colour: red\n").hasMessage(
                "Unknown setting 'colour' in " + file + "; the settings are listed in docs/CONFIGURATION.md");
    }

    @Test
    void an_unknown_override_key_is_refused() {
        loading(Map.of(), Map.of("prot", "80")).hasMessage(
                "Unknown setting 'prot' on the command line; did you mean 'port'?");
        loading(Map.of(), Map.of("limits.framesPerSec", "80")).hasMessage(
                "Unknown setting 'limits.framesPerSec' on the command line; did you mean 'limits.framesPerSecond'?");
        loading(Map.of(), Map.of("colour", "red")).hasMessage(
                "Unknown setting 'colour' on the command line; the settings are listed in docs/CONFIGURATION.md");
        loading(Map.of(), Map.of("limits", "5")).hasMessage(
                "'limits' on the command line is a section, not a setting; set one of its settings, such as"
                        + " limits.maxFrameBytes");
    }

    @Test
    void a_section_and_a_setting_cannot_swap_places() throws IOException {
        loadingFile("limits: 5\n").hasMessage(
                "Setting limits from " + file + ": expected a section of settings such as limits.maxFrameBytes,"
                        + " got '5'");
        loadingFile("port:\n  number: 5\n").hasMessage(
                "Setting port from " + file + ": expected a single value, got '{\"number\":5}'");
        loadingFile("port: [1, 2]\n").hasMessage("Setting port from " + file + ": expected a single value, got '[1,2]'");
    }

    @Test
    void invalid_yaml_names_the_file_line_and_column() throws IOException {
        loadingFile("port: 1\n  host: x\n").hasMessage(
                file + " is not valid YAML at line 2, column 7: mapping values are not allowed here");
        loadingFile("port: 1\n\thost: x\n").hasMessageStartingWith(file + " is not valid YAML at line 2, column 1: ");
        loadingFile("data: 'open\n").hasMessage(
                file + " is not valid YAML at line 2, column 1: found unexpected end of stream");
    }

    @Test
    void a_key_written_twice_is_refused() throws IOException {
        loadingFile("port: 1\nport: 2\n").hasMessage(
                file + " is not valid YAML at line 2, column 5: Duplicate Object property \"port\"");
    }

    @Test
    void the_file_must_be_a_mapping() throws IOException {
        loadingFile("- port\n- 80\n").hasMessage(file + " must be a mapping of settings (key: value), got '[\"port\",80]'");
    }

    @Test
    void a_file_that_is_not_utf8_is_refused() throws IOException {
        file = Files.write(dir.resolve("roadie.yml"), new byte[] {'p', ':', ' ', (byte) 0xff, (byte) 0xfe, '\n'});

        loading(Map.of(), Map.of()).hasMessage("Cannot read config file " + file + ": it is not UTF-8 text");
    }

    @Test
    void a_folder_is_not_a_config_file() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("conf"));

        assertThatThrownBy(() -> ConfigLoader.load(folder, dir, Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Config file " + folder + " is a folder, not a file");
    }

    @Test
    void a_named_config_file_must_exist() {
        assertThatThrownBy(() -> ConfigLoader.load(Path.of("missing.yml"), dir, Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Config file " + dir.resolve("missing.yml") + " does not exist");
        loading(Map.of("ROADIE_CONFIG", "gone.yml"), Map.of()).hasMessage(
                "Config file " + dir.resolve("gone.yml") + " (named by ROADIE_CONFIG) does not exist");
    }

    @Test
    void long_or_odd_values_are_shown_short_and_on_one_line() {
        loading(Map.of("ROADIE_PORT", "1\n2"), Map.of()).hasMessage(
                "Setting port from ROADIE_PORT: expected a whole number, got '1?2'");
        loading(Map.of("ROADIE_PORT", "9".repeat(100)), Map.of())
                .hasMessageEndingWith("got '" + "9".repeat(80) + "...'");
    }
}
