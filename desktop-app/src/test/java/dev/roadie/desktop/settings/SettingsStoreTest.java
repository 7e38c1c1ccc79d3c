package dev.roadie.desktop.settings;

import dev.roadie.companion.pairing.PairedHub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.model.wire.FrameCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

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
        assertThat(store.load()).isEqualTo(DesktopSettings.EMPTY);
        DesktopSettings two = DesktopSettings.EMPTY.paired(new PairedHub("http://localhost:7070", "rd_secret", "alice"))
                .paired(new PairedHub("https://hub.example.org:7443", "rd_other", "alice"))
                .using("http://localhost:7070");

        store.save(two);

        assertThat(store.load()).isEqualTo(two);
        assertThat(store.load().inUse()).contains(new PairedHub("http://localhost:7070", "rd_secret", "alice"));
        assertThat(store.load().hubs()).extracting(PairedHub::hub)
                .containsExactly("http://localhost:7070", "https://hub.example.org:7443");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
    }

    @Test
    void a_file_of_the_single_hub_shape_reads_as_that_hub_in_use() throws Exception {
        Path file = folder.resolve("desktop.json");
        Files.writeString(file, """
                {
                  "hub" : "http://localhost:7070",
                  "token" : "rd_secret",
                  "name" : "alice@laptop (desktop)"
                }""");

        DesktopSettings read = new SettingsStore(file).load();

        assertThat(read.hubs()).containsExactly(new PairedHub("http://localhost:7070", "rd_secret",
                "alice@laptop (desktop)"));
        assertThat(read.inUse()).contains(read.hubs().getFirst());
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
    void a_forgotten_hub_is_gone_from_the_file() {
        SettingsStore store = new SettingsStore(folder.resolve("desktop.json"));
        store.save(DesktopSettings.EMPTY.paired(new PairedHub("http://localhost:7070", "rd_secret", "alice")));

        store.save(store.load().without("http://localhost:7070"));

        assertThat(store.load()).isEqualTo(DesktopSettings.EMPTY);
    }

    @Test
    void the_notification_setting_and_the_hubs_share_the_file_without_undoing_each_other() {
        SettingsStore store = new SettingsStore(folder.resolve("desktop.json"));
        assertThat(store.notifyOnTrackChange()).isTrue();
        PairedHub home = new PairedHub("http://localhost:7070", "rd_secret", "alice");

        store.save(DesktopSettings.EMPTY.paired(home));
        store.notifyOnTrackChange(false);
        store.save(store.load().paired(new PairedHub("http://club:7070", "rd_club", "alice")));

        assertThat(store.notifyOnTrackChange()).isFalse();
        assertThat(store.load().hubs()).extracting(PairedHub::hub).containsExactly("http://localhost:7070", "http://club:7070");
    }

    @Test
    void notifications_turned_off_in_the_older_file_beside_it_stay_off_until_switched_again() throws Exception {
        Files.writeString(folder.resolve("desktop-integration.json"), "{\"notifyOnTrackChange\":false}");
        SettingsStore store = new SettingsStore(folder.resolve("desktop.json"));
        store.save(DesktopSettings.EMPTY.paired(new PairedHub("http://localhost:7070", "rd_secret", "alice")));

        assertThat(store.notifyOnTrackChange()).isFalse();

        store.notifyOnTrackChange(true);
        assertThat(store.notifyOnTrackChange()).isTrue();
        assertThat(folder.resolve("desktop-integration.json")).doesNotExist();
    }

    @Test
    void the_single_hub_shape_takes_the_new_one_on_the_next_save() throws Exception {
        Path file = folder.resolve("desktop.json");
        Files.writeString(file, "{\"hub\":\"http://localhost:7070\",\"token\":\"rd_secret\",\"name\":\"alice\"}");
        SettingsStore store = new SettingsStore(file);

        store.save(store.load());

        JsonNode saved = FrameCodec.DEFAULT.mapper().readTree(Files.readString(file));
        assertThat(saved.has("hub") || saved.has("token") || saved.has("name")).as("the single-hub fields are gone").isFalse();
        assertThat(saved.has("hubs") && saved.has("current")).isTrue();
        assertThat(store.load().inUse()).contains(new PairedHub("http://localhost:7070", "rd_secret", "alice"));
    }
}
