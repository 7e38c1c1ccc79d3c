package dev.roadie.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.testing.TestHub;
import dev.roadie.hub.testing.WireClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** One hub per data folder; the token commands may still work beside it. */
class DataFolderInUseTest {
    @TempDir
    Path data;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(Object command, String... args) {
        CommandLine roadie = CliErrors.configure(new CommandLine(command));
        roadie.setOut(new PrintWriter(out, true));
        roadie.setErr(new PrintWriter(err, true));
        return roadie.execute(args);
    }

    @Test
    void a_second_hub_on_a_data_folder_in_use_is_refused_with_one_line_that_says_what_to_do() {
        try (TestHub first = TestHub.start(data)) {
            int exit = run(new ServeCommand(), "--check", "--host", "127.0.0.1", "--port", "0", "--data", data.toString());

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString().strip()).hasLineCount(1)
                    .startsWith("roadie: Another hub is running on the data folder " + data)
                    .contains("process " + ProcessHandle.current().pid(), "hub.lock", "--data");
            assertThat(first.hub().port()).isPositive();
        }
    }

    @Test
    void the_folder_is_free_again_once_its_hub_stops() {
        TestHub.start(data).close();

        int exit = run(new ServeCommand(), "--check", "--host", "127.0.0.1", "--port", "0", "--data", data.toString());

        assertThat(exit).as("stderr: %s", err).isZero();
    }

    @Test
    void a_token_created_beside_a_running_hub_works_on_that_hub_at_once() {
        try (TestHub hub = TestHub.start(data)) {
            int exit = run(new TokenCommand(), "create", "--data", data.toString(), "--name", "alice-laptop",
                    "--kind", "desktop");

            assertThat(exit).as("stderr: %s", err).isZero();
            String token = out.toString().strip().lines().toList().getLast();
            try (WireClient client = WireClient.authenticated(hub.port(), token)) {
                assertThat(client.welcome().session()).isNotBlank();
            }
        }
    }
}
