package dev.roadie.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.node.retire.DigitalOceanSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
    private static final Map<String, String> MINIMAL_ENV = Map.of(
            "ROADIE_AGENT_NODE_NAME", "ams-1",
            "ROADIE_AGENT_NODE_PASSWORD", "youshallnotpass",
            "ROADIE_AGENT_PUBLIC_HOST", "ams-1.example.org",
            "ROADIE_AGENT_HUB_URIS", "wss://hub.example.org/ws",
            "ROADIE_AGENT_HUB_TOKEN", "rd_x_y");

    @TempDir
    Path dir;

    private Path yaml(String text) throws IOException {
        return Files.writeString(dir.resolve("agent.yml"), text);
    }

    @Test
    void the_environment_alone_is_enough_and_defaults_fill_the_rest() {
        AgentConfig config = ConfigLoader.load(null, MINIMAL_ENV);
        assertThat(config.node().url()).isEqualTo(URI.create("http://lavalink:2333"));
        assertThat(config.endpoint().uri()).isEqualTo(URI.create("http://ams-1.example.org:2333"));
        assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.health()).isEqualTo(dev.roadie.node.health.HealthThresholds.defaults());
        assertThat(config.retire().enabled()).isTrue();
        assertThat(config.retire().command()).isEmpty();
        assertThat(config.retire().digitalOcean()).isNull();
        assertThat(config.node().websocket()).isTrue();
        assertThat(config.node().userId()).isEqualTo("0");
        assertThat(config.toString()).doesNotContain("youshallnotpass").doesNotContain("rd_x_y");
    }

    @Test
    void the_file_sets_everything_and_the_environment_wins() throws IOException {
        Path file = yaml("""
                node:
                  name: ams-1
                  url: http://127.0.0.1:2333
                  password: from-file
                public:
                  host: 2001:db8::1
                  port: 443
                  tls: true
                region: eu
                labels:
                  provider: digitalocean
                hub:
                  uris: [wss://a.example.org/ws, wss://b.example.org/ws]
                  token: rd_a_b
                poll:
                  interval: 250ms
                health:
                  readings: 2
                retire:
                  command: [/usr/local/bin/replace-node, --now]
                  digitalocean:
                    enabled: true
                    token: dop_v1_x
                    dropletId: 3164444
                    replace:
                      snapshot: 67512819
                      region: ams3
                      tags: [lavalink]
                """);
        AgentConfig config = ConfigLoader.load(file, Map.of("ROADIE_AGENT_NODE_PASSWORD", "from-env"));
        assertThat(config.node().password()).isEqualTo("from-env");
        assertThat(config.endpoint().uri()).isEqualTo(URI.create("https://[2001:db8::1]:443"));
        assertThat(config.labels()).containsEntry("region", "eu").containsEntry("provider", "digitalocean");
        assertThat(config.hubs()).hasSize(2);
        assertThat(config.pollInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.health().readings()).isEqualTo(2);
        assertThat(config.retire().command()).containsExactly("/usr/local/bin/replace-node", "--now");
        DigitalOceanSettings digitalOcean = config.retire().digitalOcean();
        assertThat(digitalOcean.apiBase()).isEqualTo(URI.create("https://api.digitalocean.com"));
        assertThat(digitalOcean.dropletId()).isEqualTo("3164444");
        assertThat(digitalOcean.replacement()).isEqualTo(new DigitalOceanSettings.Replacement("67512819", "ams-1",
                "ams3", "s-1vcpu-1gb", List.of("lavalink")));
    }

    @Test
    void lists_and_labels_come_from_the_environment_too() {
        Map<String, String> env = new java.util.HashMap<>(MINIMAL_ENV);
        env.put("ROADIE_AGENT_LABELS", "provider=hetzner, tier=cheap");
        env.put("ROADIE_AGENT_RETIRE_COMMAND", "/bin/replace  --node ams-1");
        env.put("ROADIE_AGENT_HUB_URIS", "ws://a:7070/ws,ws://b:7070/ws");
        AgentConfig config = ConfigLoader.load(null, env);
        assertThat(config.labels()).isEqualTo(Map.of("provider", "hetzner", "tier", "cheap"));
        assertThat(config.retire().command()).containsExactly("/bin/replace", "--node", "ams-1");
        assertThat(config.hubs()).extracting(URI::getHost).containsExactly("a", "b");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "ROADIE_AGENT_POLL_INTERVAL|5 seconds|Setting poll.interval (ROADIE_AGENT_POLL_INTERVAL) is a duration like 250ms, 15s, 5m, 1h or 2d, got '5 seconds'",
            "ROADIE_AGENT_POLL_INTERVAL|0s|Setting poll.interval (ROADIE_AGENT_POLL_INTERVAL) must be longer than zero",
            "ROADIE_AGENT_PUBLIC_PORT|70000|Setting public.port (ROADIE_AGENT_PUBLIC_PORT) is between 1 and 65535, got 70000",
            "ROADIE_AGENT_PUBLIC_TLS|maybe|Setting public.tls (ROADIE_AGENT_PUBLIC_TLS) is true or false, got 'maybe'",
            "ROADIE_AGENT_HEALTH_LOAD_WARNING|1.5|Setting health.load.warning (ROADIE_AGENT_HEALTH_LOAD_WARNING) is between 0 and 1, got 1.5",
            "ROADIE_AGENT_HEALTH_LOAD_CRITICAL|0.5|Health thresholds: health.load.warning (0.8) is above health.load.critical (0.5)",
            "ROADIE_AGENT_HUB_URIS|http://hub/ws|Setting hub.uris (ROADIE_AGENT_HUB_URIS) is a URI starting with ws:// or wss://, got 'http://hub/ws'",
            "ROADIE_AGENT_NODE_NAME|Ams 1|Setting node.name (ROADIE_AGENT_NODE_NAME) is lower-case letters, digits, '.', '_' or '-' (at most 64), got 'Ams 1'",
            "ROADIE_AGENT_NODE_PASSWORD||Setting node.password (ROADIE_AGENT_NODE_PASSWORD) is required",
            "ROADIE_AGENT_RETIRE_DIGITALOCEAN_ENABLED|true|Setting retire.digitalocean.dropletId (ROADIE_AGENT_RETIRE_DIGITALOCEAN_DROPLET_ID) is required",
            "ROADIE_AGENT_NODE_PASWORD|x|Unknown environment variable ROADIE_AGENT_NODE_PASWORD; did you mean ROADIE_AGENT_NODE_PASSWORD?",
            "ROADIE_AGENT_COLOUR|red|Unknown environment variable ROADIE_AGENT_COLOUR: docs/NODE-AGENT.md lists the ROADIE_AGENT_* variables",
            "ROADIE_AGENT_LABELS|team|Setting labels (ROADIE_AGENT_LABELS) is written key=value,key2=value2, got 'team'"})
    void a_bad_setting_gives_one_line_naming_it(String variable, String value, String message) {
        Map<String, String> env = new java.util.HashMap<>(MINIMAL_ENV);
        env.put(variable, value == null ? "" : value);
        assertThatThrownBy(() -> ConfigLoader.load(null, env)).isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    @Test
    void more_labels_than_the_registry_takes_are_refused() {
        Map<String, String> env = new java.util.HashMap<>(MINIMAL_ENV);
        env.put("ROADIE_AGENT_LABELS", String.join(",", java.util.stream.IntStream.range(0, 61)
                .mapToObj(i -> "k" + i + "=v").toList()));
        assertThatThrownBy(() -> ConfigLoader.load(null, env)).hasMessage(
                "Setting labels (ROADIE_AGENT_LABELS) has at most 60 entries, got 61");
    }

    @Test
    void a_misspelt_key_in_the_file_is_refused_with_the_closest_known_one() throws IOException {
        Path file = yaml("node:\n  pasword: x\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, MINIMAL_ENV)).isInstanceOf(ConfigException.class)
                .hasMessage("Unknown setting 'node.pasword' in " + file + "; did you mean 'node.password'?");
        Path other = yaml("colour: red\n");
        assertThatThrownBy(() -> ConfigLoader.load(other, MINIMAL_ENV)).isInstanceOf(ConfigException.class)
                .hasMessage("Unknown setting 'colour' in " + other + "; the settings are listed in docs/NODE-AGENT.md");
    }

    @Test
    void durations_are_written_as_in_the_hubs_settings() throws IOException {
        // Days and a space before the unit: the hub's grammar, which the agent did not read before.
        Path file = yaml("retire:\n  drainDeadline: 2d\nnode:\n  timeout: 1500 ms\n");
        Map<String, String> env = new java.util.HashMap<>(MINIMAL_ENV);
        env.put("ROADIE_AGENT_POLL_INTERVAL", "15 s");
        AgentConfig config = ConfigLoader.load(file, env);
        assertThat(config.retire().drainDeadline()).isEqualTo(Duration.ofDays(2));
        assertThat(config.node().timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void a_bad_value_in_the_file_names_the_file() throws IOException {
        Path file = yaml("poll:\n  interval: 1h30m\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, MINIMAL_ENV)).isInstanceOf(ConfigException.class)
                .hasMessage("Setting poll.interval (ROADIE_AGENT_POLL_INTERVAL) in " + file
                        + " is a duration like 250ms, 15s, 5m, 1h or 2d, got '1h30m'");
        Path list = yaml("node:\n  name: [a, b]\n");
        assertThatThrownBy(() -> ConfigLoader.load(list, MINIMAL_ENV)).isInstanceOf(ConfigException.class)
                .hasMessage("Setting node.name from " + list + ": expected a single value, got '[\"a\",\"b\"]'");
    }

    @Test
    void an_empty_variable_counts_as_unset() throws IOException {
        Path file = yaml("node:\n  password: from-file\n");
        Map<String, String> env = new java.util.HashMap<>(MINIMAL_ENV);
        env.put("ROADIE_AGENT_NODE_PASSWORD", "");
        env.put("ROADIE_AGENT_RETIRE_DIGITALOCEAN_REPLACE_SIZE", "");
        assertThat(ConfigLoader.load(file, env).node().password()).isEqualTo("from-file");
    }

    @Test
    void a_command_written_as_one_value_in_the_file_is_split_on_spaces() throws IOException {
        Path file = yaml("retire:\n  command: /bin/replace --node ams-1\nlabels:\n");
        AgentConfig config = ConfigLoader.load(file, MINIMAL_ENV);
        assertThat(config.retire().command()).containsExactly("/bin/replace", "--node", "ams-1");
        assertThat(config.labels()).isEmpty();
    }

    @Test
    void a_missing_file_and_broken_yaml_are_named() throws IOException {
        Path missing = dir.resolve("nope.yml");
        assertThatThrownBy(() -> ConfigLoader.load(missing, MINIMAL_ENV)).hasMessage(
                "Config file " + missing + " does not exist");
        Path broken = yaml("node: [unclosed\n");
        assertThatThrownBy(() -> ConfigLoader.load(broken, MINIMAL_ENV)).hasMessageStartingWith(
                broken + " is not valid YAML");
    }

    @Test
    void every_setting_has_a_distinct_environment_variable() {
        assertThat(Settings.ALL.stream().map(Setting::environmentVariable).distinct().count())
                .isEqualTo(Settings.ALL.size());
        assertThat(Settings.find("retire.digitalocean.dropletId").orElseThrow().environmentVariable())
                .isEqualTo("ROADIE_AGENT_RETIRE_DIGITALOCEAN_DROPLET_ID");
    }

    @Test
    void the_websocket_can_be_turned_off_and_its_user_id_is_digits() {
        Map<String, String> env = new java.util.HashMap<>(MINIMAL_ENV);
        env.put("ROADIE_AGENT_NODE_WEBSOCKET", "false");
        env.put("ROADIE_AGENT_NODE_USER_ID", "170939974227591168");
        AgentConfig config = ConfigLoader.load(null, env);
        assertThat(config.node().websocket()).isFalse();
        assertThat(config.node().userId()).isEqualTo("170939974227591168");

        env.put("ROADIE_AGENT_NODE_USER_ID", "roadie");
        assertThatThrownBy(() -> ConfigLoader.load(null, env)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("node.userId");
    }
}
