package dev.roadie.audio.routeplanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.audio.config.ApplicationYml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutePlannerSettingsTest {
    private static final String LAVALINK_RATELIMIT = """
            lavalink:
              server:
                ratelimit:
                  ipBlocks: ["2001:DB8:1::/64", "2001:db8:2::/64"]
                  excludedIps: ["2001:db8:1::1"]
                  strategy: "rotatingnanoswitch"
                  searchTriggersFail: false
                  retryLimit: 3
            """;

    @Test
    void lavalinks_ratelimit_section_is_read_from_application_yml() {
        ApplicationYml yml = ApplicationYml.parse(LAVALINK_RATELIMIT, "application.yml");

        assertThat(yml.ratelimit()).isEqualTo(new RoutePlannerSettings(List.of("2001:db8:1::/64", "2001:db8:2::/64"),
                List.of("2001:db8:1::1"), Strategy.ROTATING_NANO_SWITCH, false, 3));
        assertThat(yml.warnings()).isEmpty();
    }

    @Test
    void left_out_keys_take_lavalinks_defaults_and_no_blocks_means_no_planner() {
        ApplicationYml yml = ApplicationYml.parse("lavalink.server.ratelimit.ipBlocks: 10.0.0.0/24, 10.0.1.0/24\n",
                "application.yml");
        assertThat(yml.ratelimit()).isEqualTo(new RoutePlannerSettings(List.of("10.0.0.0/24", "10.0.1.0/24"),
                List.of(), Strategy.ROTATE_ON_BAN, true, -1));
        assertThat(ApplicationYml.parse("server.port: 2333\n", "application.yml").ratelimit().enabled()).isFalse();
    }

    @Test
    void each_variable_wins_over_the_files_key() {
        RoutePlannerSettings file = ApplicationYml.parse(LAVALINK_RATELIMIT, "application.yml").ratelimit();
        RoutePlannerSettings settings = RoutePlannerSettings.resolve(Map.of(
                "ROADIE_AUDIO_RATELIMIT_IP_BLOCKS", "10.0.0.0/24, 10.0.1.0/25",
                "ROADIE_AUDIO_RATELIMIT_STRATEGY", "LoadBalance",
                "ROADIE_AUDIO_RATELIMIT_RETRY_LIMIT", "0"), file);

        assertThat(settings).isEqualTo(new RoutePlannerSettings(List.of("10.0.0.0/24", "10.0.1.0/25"),
                List.of("2001:db8:1::1"), Strategy.LOAD_BALANCE, false, 0));
        assertThat(RoutePlannerSettings.resolve(Map.of("ROADIE_AUDIO_RATELIMIT_EXCLUDED_IPS", "10.0.0.1",
                "ROADIE_AUDIO_RATELIMIT_SEARCH_TRIGGERS_FAIL", "true"), file))
                .extracting(RoutePlannerSettings::excludedIps, RoutePlannerSettings::searchTriggersFail)
                .containsExactly(List.of("10.0.0.1"), true);
        assertThat(RoutePlannerSettings.resolve(Map.of(), RoutePlannerSettings.NONE)).isEqualTo(RoutePlannerSettings.NONE);
    }

    @Test
    void a_wrong_value_is_one_line_naming_the_setting_and_what_it_takes() {
        assertThatThrownBy(() -> RoutePlannerSettings.resolve(Map.of("ROADIE_AUDIO_RATELIMIT_IP_BLOCKS",
                "10.0.0.0/33"), RoutePlannerSettings.NONE)).hasMessage("ROADIE_AUDIO_RATELIMIT_IP_BLOCKS must list IP"
                + " blocks in CIDR notation, like 2001:db8::/48 or 10.0.0.0/29, not '10.0.0.0/33'");
        assertThatThrownBy(() -> RoutePlannerSettings.resolve(Map.of("ROADIE_AUDIO_RATELIMIT_EXCLUDED_IPS",
                "example.org"), RoutePlannerSettings.NONE)).hasMessage("ROADIE_AUDIO_RATELIMIT_EXCLUDED_IPS must list"
                + " IP addresses, like 2001:db8::1 or 10.0.0.1, not 'example.org'");
        assertThatThrownBy(() -> RoutePlannerSettings.resolve(Map.of("ROADIE_AUDIO_RATELIMIT_STRATEGY", "Random"),
                RoutePlannerSettings.NONE)).hasMessage("ROADIE_AUDIO_RATELIMIT_STRATEGY must be one of RotateOnBan,"
                + " LoadBalance, NanoSwitch, RotatingNanoSwitch, not 'Random'");
        assertThatThrownBy(() -> RoutePlannerSettings.resolve(Map.of("ROADIE_AUDIO_RATELIMIT_RETRY_LIMIT", "-2"),
                RoutePlannerSettings.NONE)).hasMessageStartingWith("ROADIE_AUDIO_RATELIMIT_RETRY_LIMIT must be a whole"
                + " number: -1 for lavaplayer's default (10), 0 for no limit");
        assertThatThrownBy(() -> ApplicationYml.parse("lavalink.server.ratelimit.ipBlocks: [\"300.0.0.0/24\"]\n",
                "application.yml")).hasMessage("application.yml: lavalink.server.ratelimit.ipBlocks must list IP"
                + " blocks in CIDR notation, like 2001:db8::/48 or 10.0.0.0/29, not '300.0.0.0/24'");
        assertThatThrownBy(() -> RoutePlanners.create(new RoutePlannerSettings(List.of("10.0.0.0/24",
                "2001:db8::/64"), List.of(), Strategy.LOAD_BALANCE, true, -1))).hasMessageContaining("mix IPv4 and IPv6");
    }
}
