package dev.roadie.hub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.search.http.AllowedAddresses;
import java.net.InetAddress;
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
        assertThat(search.links().allowed().isEmpty()).isTrue();
        assertThat(search.audioNodes().allowed().isEmpty()).as("public audio nodes only").isTrue();
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
    void allowed_addresses_are_addresses_and_blocks_with_optional_ports_not_names() throws Exception {
        AllowedAddresses links = load(Map.of("search.links.allowedAddresses", "127.0.0.1, ::1")).search().links().allowed();
        assertThat(links.allows(InetAddress.getByName("127.0.0.1"), 80)).isTrue();
        assertThat(links.allows(InetAddress.getByName("::1"), 443)).isTrue();
        assertThat(links.allows(InetAddress.getByName("127.0.0.2"), 80)).isFalse();

        AllowedAddresses nodes = load(Map.of("search.audioNodes.allowedAddresses", "10.0.0.0/8:2333, [fd00::5]:2333"))
                .search().audioNodes().allowed();
        assertThat(nodes.allows(InetAddress.getByName("10.1.2.3"), 2333)).isTrue();
        assertThat(nodes.allows(InetAddress.getByName("10.1.2.3"), 22)).isFalse();
        assertThat(nodes.allows(InetAddress.getByName("fd00::5"), 2333)).isTrue();
        assertThat(nodes.setting()).isEqualTo("search.audioNodes.allowedAddresses");

        assertThatThrownBy(() -> load(Map.of("search.links.allowedAddresses", "localhost")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Setting search.links.allowedAddresses from the command line: expected addresses")
                .hasMessageContaining("'localhost'");
        assertThatThrownBy(() -> load(Map.of("search.audioNodes.allowedAddresses", "lavalink:2333")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("search.audioNodes.allowedAddresses");
        assertThatThrownBy(() -> load(Map.of("search.audioNodes.allowedAddresses", "10.0.0.0/33")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("prefix length");
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
