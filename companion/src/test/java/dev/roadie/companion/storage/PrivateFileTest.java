package dev.roadie.companion.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFileTest {
    @TempDir
    Path folder;

    @Test
    void a_written_file_has_the_text_its_folder_and_its_owner_alone_may_read_it() throws Exception {
        Path file = folder.resolve("roadie/settings.json");

        PrivateFile.write(file, "{\"token\":\"rd_secret\"}");

        assertThat(file).hasContent("{\"token\":\"rd_secret\"}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void a_write_replaces_the_whole_file_and_leaves_no_temporary_file_beside_it() throws Exception {
        Path file = folder.resolve("settings.json");
        Files.writeString(file, "an older and much longer text than the new one");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        PrivateFile.write(file, "new");

        assertThat(file).hasContent("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var listed = Files.list(folder)) {
            assertThat(listed).containsExactly(file);
        }
    }

    @Test
    void a_write_that_fails_leaves_the_old_file_and_no_temporary_one() throws Exception {
        Path file = folder.resolve("settings.json");
        // A folder where the file should be: the move over it fails.
        Files.createDirectories(file.resolve("in-the-way"));

        assertThatThrownBy(() -> PrivateFile.write(file, "new")).isInstanceOf(IOException.class);

        assertThat(file).isDirectory();
        try (var listed = Files.list(folder)) {
            assertThat(listed).containsExactly(file);
        }
    }
}
