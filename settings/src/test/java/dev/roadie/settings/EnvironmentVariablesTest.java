package dev.roadie.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvironmentVariablesTest {

    private final EnvironmentVariables variables = new EnvironmentVariables("ROADIE_",
            List.of("port", "data", "heartbeat.interval", "limits.maxFrameBytes", "registry.downAfter"));

    @Test
    void variable_names_are_the_prefix_and_the_key_in_upper_snake_case() {
        assertThat(EnvironmentVariables.name("ROADIE_", "port")).isEqualTo("ROADIE_PORT");
        assertThat(EnvironmentVariables.name("ROADIE_", "heartbeat.interval")).isEqualTo("ROADIE_HEARTBEAT_INTERVAL");
        assertThat(EnvironmentVariables.name("ROADIE_", "limits.maxFrameBytes")).isEqualTo("ROADIE_LIMITS_MAX_FRAME_BYTES");
        assertThat(EnvironmentVariables.name("ROADIE_AGENT_", "retire.digitalocean.dropletId"))
                .isEqualTo("ROADIE_AGENT_RETIRE_DIGITALOCEAN_DROPLET_ID");
        assertThat(variables.keyOf("ROADIE_REGISTRY_DOWN_AFTER")).contains("registry.downAfter");
        assertThat(variables.keyOf("ROADIE_HOME")).isEmpty();
    }

    @Test
    void values_name_their_variable_as_their_source_and_empty_ones_count_as_unset() {
        Map<String, RawValue> values = variables.read(Map.of("ROADIE_PORT", "8080", "ROADIE_DATA", "",
                "ROADIE_HEARTBEAT_INTERVAL", "  ", "PATH", "/usr/bin"));

        assertThat(values).containsOnlyKeys("port");
        assertThat(values.get("port")).isEqualTo(new RawValue("8080", "ROADIE_PORT"));
    }

    @Test
    void unknown_variables_in_the_namespace_are_listed_sorted_with_the_closest_known_one() {
        Map<String, String> env = Map.of("ROADIE_PROT", "80", "ROADIE_HOME", "/opt", "ROADIE_CONFIG", "x.yml",
                "ROADIE_PORT", "1", "HOME", "/root");

        assertThat(variables.unknown(env, Set.of("ROADIE_CONFIG"))).containsExactly("ROADIE_HOME", "ROADIE_PROT");
        assertThat(variables.suggest("ROADIE_PROT")).contains("ROADIE_PORT");
        assertThat(variables.suggest("ROADIE_HOME")).isEmpty();
    }

    @Test
    void two_keys_with_one_variable_are_a_mistake_in_the_program() {
        assertThatThrownBy(() -> new EnvironmentVariables("X_", List.of("a.bC", "a_b.c")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("X_A_B_C");
    }
}
