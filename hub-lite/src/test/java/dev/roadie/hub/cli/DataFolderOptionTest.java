package dev.roadie.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class DataFolderOptionTest {
    @Command(name = "probe")
    static final class Probe {
        @Mixin
        DataFolderOption data;
    }

    @Test
    void the_option_comes_first() {
        DataFolderOption data = parse(new DataFolderOption(Map.of("ROADIE_DATA", "/from/env")::get), "--data", "/given");

        assertThat(data.folder()).isEqualTo(Path.of("/given"));
    }

    @Test
    void then_the_environment() {
        DataFolderOption data = parse(new DataFolderOption(Map.of("ROADIE_DATA", "/from/env")::get));

        assertThat(data.folder()).isEqualTo(Path.of("/from/env"));
    }

    @Test
    void then_data_in_the_working_folder() {
        assertThat(parse(new DataFolderOption(Map.<String, String>of()::get)).folder())
                .isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(parse(new DataFolderOption(Map.of("ROADIE_DATA", " ")::get)).folder())
                .isEqualTo(Path.of("data").toAbsolutePath());
    }

    @Test
    void relative_folders_are_made_absolute() {
        DataFolderOption data = parse(new DataFolderOption(Map.<String, String>of()::get), "--data", "x/../y");

        assertThat(data.folder()).isEqualTo(Path.of("y").toAbsolutePath());
    }

    private static DataFolderOption parse(DataFolderOption data, String... args) {
        Probe probe = new Probe();
        probe.data = data;
        new CommandLine(probe).parseArgs(args);
        return probe.data;
    }
}
