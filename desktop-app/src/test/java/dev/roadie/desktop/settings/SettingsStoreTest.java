package dev.roadie.desktop.settings;

import dev.roadie.companion.pairing.PairedHub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path folder;

    @Test
    void the_settings_live_under_xdg_config_home_when_it_is_set() {
        assertThat(SettingsStore.defaultFile(Map.of("XDG_CONFIG_HOME", "/x/conf"), "/home/alice"))
                .isEqualTo(Path.of("/x/conf/roadie/desktop.json"));
    }

    @Test
    void the_settings_live_in_dot_config_otherwise_or_when_xdg_config_home_is_relative() {
        assertThat(SettingsStore.defaultFile(Map.of(), "/home/alice"))
                .isEqualTo(Path.of("/home/alice/.config/roadie/desktop.json"));
        assertThat(SettingsStore.defaultFile(Map.of("XDG_CONFIG_HOME", "conf"), "/home/alice"))
                .isEqualTo(Path.of("/home/alice/.config/roadie/desktop.json"));
    }

    @Test
    void saved_settings_come_back_and_only_their_owner_can_read_them() throws Exception {
        SettingsStore store = new SettingsStore(folder.resolve("roadie/desktop.json"));
        assertThat(store.load()).isEmpty();

        store.save(new PairedHub("http://localhost:7070", "rd_secret", "alice"));

        assertThat(store.load()).contains(new PairedHub("http://localhost:7070", "rd_secret", "alice"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
    }

    @Test
    void a_file_that_is_not_settings_says_to_delete_it() throws Exception {
        Path file = folder.resolve("desktop.json");
        Files.writeString(file, "{not json");

        assertThatThrownBy(() -> new SettingsStore(file).load()).hasMessageContaining("delete it to pair again");
    }

    @Test
    void the_token_is_not_in_the_settings_text() {
        assertThat(new PairedHub("http://h:7070", "rd_secret", "alice").toString()).doesNotContain("rd_secret");
    }

    @Test
    void forgotten_settings_are_gone() {
        SettingsStore store = new SettingsStore(folder.resolve("desktop.json"));
        store.save(new PairedHub("http://localhost:7070", "rd_secret", "alice"));

        store.forget();

        assertThat(store.load()).isEmpty();
    }
}
