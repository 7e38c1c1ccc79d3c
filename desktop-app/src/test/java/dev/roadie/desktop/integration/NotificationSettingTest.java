package dev.roadie.desktop.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.companion.pairing.PairedHub;
import dev.roadie.desktop.settings.DesktopSettings;
import dev.roadie.desktop.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The notification setting: on by default, switched by the bell, kept in the app's settings file. */
@ExtendWith(ApplicationExtension.class)
class NotificationSettingTest {
    static final PairedHub HOME = new PairedHub("http://home:7070", "rd_home", "alice");

    @TempDir
    Path folder;
    SettingsStore store;
    NotificationSetting setting;

    @Start
    void start(Stage stage) {
        store = new SettingsStore(folder.resolve("desktop.json"));
        store.save(DesktopSettings.EMPTY.paired(HOME));
        setting = new NotificationSetting(store);
        stage.setScene(new Scene(new StackPane(new NotificationToggle(setting.notifyOnTrackChange())), 200, 100));
        stage.show();
    }

    @Test
    void notifications_are_on_until_the_bell_turns_them_off_and_that_is_kept_beside_the_hubs() throws Exception {
        assertThat(setting.notifyOnTrackChange().get()).isTrue();

        new FxRobot().clickOn("#notifyToggle");

        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !setting.notifyOnTrackChange().get());
        assertThat(Files.readString(store.file())).contains("\"notifyOnTrackChange\" : false");
        assertThat(new NotificationSetting(new SettingsStore(store.file())).notifyOnTrackChange().get()).isFalse();
        assertThat(store.load().inUse()).contains(HOME);
    }

    @Test
    void a_file_it_cannot_read_leaves_them_on() throws Exception {
        Path other = Files.createDirectories(folder.resolve("other"));
        Files.writeString(other.resolve("desktop.json"), "{not json");

        assertThat(new NotificationSetting(new SettingsStore(other.resolve("desktop.json"))).notifyOnTrackChange().get())
                .isTrue();
    }
}
