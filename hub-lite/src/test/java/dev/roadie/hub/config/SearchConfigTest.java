package dev.roadie.hub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchConfigTest {
    @TempDir
    Path dir;

    private HubConfig load(Map<String, String> overrides) {
        return ConfigLoader.load(null, dir, Map.of(), overrides);
    }

    @Test
    void by_default_every_built_in_is_enabled_and_no_internal_address_is_allowed() {
        SearchConfig search = load(Map.of()).search();

        assertThat(search.enabledIds()).containsExactlyInAnyOrderElementsOf(SearchConfig.BUILT_IN);
        assertThat(search.links().allowed()).isEmpty();
        assertThat(search.pluginFolder()).isEqualTo(dir.resolve("plugins"));
    }

    @Test
    void an_unknown_provider_id_is_refused_with_the_known_ones() {
        assertThatThrownBy(() -> load(Map.of("search.enabled", "deezer,spotify")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Setting search.enabled from the command line: expected a comma-separated list of"
                        + " youtube, soundcloud");
    }

    @Test
    void none_installs_no_built_in() {
        assertThat(load(Map.of("search.enabled", "none")).search().enabledIds()).isEmpty();
    }

    @Test
    void allowed_addresses_are_exact_addresses_not_names() {
        assertThat(load(Map.of("search.links.allowedAddresses", "127.0.0.1, ::1")).search().links().allowed())
                .containsExactlyInAnyOrder("127.0.0.1", "::1");
        assertThatThrownBy(() -> load(Map.of("search.links.allowedAddresses", "localhost")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("exact addresses");
    }

    @Test
    void a_bad_service_setting_names_its_own_section() {
        assertThatThrownBy(() -> load(Map.of("search.musicbrainz.baseUrl", "ftp://musicbrainz.org")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Setting search.musicbrainz.baseUrl from the command line: expected an http");
        assertThatThrownBy(() -> load(Map.of("search.itunes.requests", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Setting search.itunes.requests from the command line: expected");
    }

    @Test
    void the_user_agent_must_name_an_application_and_version() {
        assertThatThrownBy(() -> load(Map.of("search.userAgent", "anonymous")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("Roadie/0.1");
    }
}
