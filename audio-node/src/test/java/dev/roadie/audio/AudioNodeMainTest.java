package dev.roadie.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.audio.config.ApplicationYml;
import dev.roadie.audio.plugin.PluginSettings;
import dev.roadie.audio.plugin.YoutubePlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioNodeMainTest {
    @TempDir
    Path folder;

    @Test
    void the_first_start_generates_a_password_into_the_data_folder_and_the_next_reuses_it() throws Exception {
        Map<String, String> env = Map.of("ROADIE_AUDIO_DATA", folder.resolve("data").toString());
        AudioNodeConfig first = AudioNodeMain.config(env);
        assertThat(first.port()).isEqualTo(2333);
        assertThat(first.password()).hasSize(48);
        Path file = folder.resolve("data/password");
        assertThat(Files.readString(file).strip()).isEqualTo(first.password());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(AudioNodeMain.config(env).password()).isEqualTo(first.password());
    }

    @Test
    void lavalinks_own_variables_set_the_port_and_password() throws Exception {
        AudioNodeConfig config = AudioNodeMain.config(Map.of("SERVER_PORT", "2444",
                "LAVALINK_SERVER_PASSWORD", "youshallnotpass", "ROADIE_AUDIO_DATA", folder.toString()));
        assertThat(config.port()).isEqualTo(2444);
        assertThat(config.password()).isEqualTo("youshallnotpass");
        assertThat(folder.resolve("password")).doesNotExist();
        assertThatThrownBy(() -> AudioNodeMain.config(Map.of("ROADIE_AUDIO_PORT", "two", "ROADIE_AUDIO_PASSWORD", "p")))
                .hasMessageContaining("ROADIE_AUDIO_PORT");
    }

    @Test
    void plugins_are_in_the_data_folder_unless_a_variable_says_where_and_named_classes_are_comma_separated() {
        ApplicationYml youtube = ApplicationYml.parse("plugins:\n  youtube:\n    enabled: true\n", "application.yml");
        PluginSettings defaults = AudioNodeMain.pluginSettings(Map.of("ROADIE_AUDIO_DATA", "/srv/audio"), youtube);
        assertThat(defaults.folder()).isEqualTo(Path.of("/srv/audio/plugins"));
        assertThat(defaults.sourceManagers()).isEmpty();
        assertThat(defaults.youtube()).isEqualTo(new YoutubePlugin(true, null));
        assertThat(AudioNodeMain.pluginSettings(Map.of(), ApplicationYml.NONE).folder())
                .isEqualTo(Path.of("audio-data/plugins"));

        PluginSettings set = AudioNodeMain.pluginSettings(Map.of("ROADIE_AUDIO_PLUGINS", "/opt/plugins",
                "ROADIE_AUDIO_SOURCE_MANAGERS", " org.example.A , org.example.B,"), ApplicationYml.NONE);
        assertThat(set.folder()).isEqualTo(Path.of("/opt/plugins"));
        assertThat(set.sourceManagers()).containsExactly("org.example.A", "org.example.B");
    }
}
