package dev.roadie.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
}
