package dev.roadie.hub.cli;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class DataFolderOptionTest {
    @TempDir
    Path work;
    @Command(name = "probe")
    static final class Probe {
        @Mixin
        DataFolderOption data;
    }

    @Test
    void the_option_comes_first() {
        DataFolderOption data = parse(new DataFolderOption(Map.of("ROADIE_DATA", "/from/env"), work), "--data", "/given");

        assertThat(data.folder()).isEqualTo(Path.of("/given"));
    }

    @Test
    void then_the_environment() {
        DataFolderOption data = parse(new DataFolderOption(Map.of("ROADIE_DATA", "/from/env"), work));

        assertThat(data.folder()).isEqualTo(Path.of("/from/env"));
    }

    @Test
    void then_data_in_the_working_folder() {
        assertThat(parse(new DataFolderOption(Map.of(), work)).folder())
                .isEqualTo(work.resolve("data"));
        assertThat(parse(new DataFolderOption(Map.of("ROADIE_DATA", " "), work)).folder())
                .isEqualTo(work.resolve("data"));
    }

    @Test
    void relative_folders_are_made_absolute() {
        DataFolderOption data = parse(new DataFolderOption(Map.of(), work), "--data", "x/../y");

        assertThat(data.folder()).isEqualTo(work.resolve("y"));
    }

    @Test
    void then_data_in_roadie_yml_as_the_hub_reads_it() throws IOException {
        Files.writeString(work.resolve("roadie.yml"), "data: /srv/roadie\n");

        assertThat(parse(new DataFolderOption(Map.of(), work)).folder()).isEqualTo(Path.of("/srv/roadie"));
    }

    @Test
    void the_environment_beats_roadie_yml() throws IOException {
        Files.writeString(work.resolve("roadie.yml"), "data: /srv/roadie\n");

        assertThat(parse(new DataFolderOption(Map.of("ROADIE_DATA", "/from/env"), work)).folder())
                .isEqualTo(Path.of("/from/env"));
    }

    private static DataFolderOption parse(DataFolderOption data, String... args) {
        Probe probe = new Probe();
        probe.data = data;
        new CommandLine(probe).parseArgs(args);
        return probe.data;
    }
}
