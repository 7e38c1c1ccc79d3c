package dev.roadie.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.Hub;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve --demo}: the hub runs what the roadie command gives it beside itself, and stops it first. */
class ServeDemoTest {
    @TempDir
    Path data;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final List<String> steps = new ArrayList<>();

    int run(DemoMode mode, String... args) {
        ServeCommand serve = new ServeCommand();
        if (mode != null) {
            serve.demoMode(mode);
        }
        CommandLine roadie = CliErrors.configure(new CommandLine(serve));
        roadie.setOut(new PrintWriter(out, true));
        roadie.setErr(new PrintWriter(err, true));
        return roadie.execute(args);
    }

    /** Records what the hub asks of it; its settings choose no search provider but deezer. */
    final class RecordingDemo implements DemoMode {
        @Override
        public Map<String, String> prepare() {
            steps.add("prepare");
            return Map.of("search.enabled", "deezer", "search.userAgent", "Roadie/0.1 ( demo@example.org )");
        }

        @Override
        public AutoCloseable start(Hub hub, PrintWriter print) {
            steps.add("start with search " + hub.context().config().search().enabled() + " as "
                    + hub.context().config().search().userAgent());
            print.println("demo started");
            // The database answers only while the hub runs: the demo must be stopped before it.
            return () -> steps.add("stop with " + hub.context().tokens().list().size() + " token");
        }
    }

    @Test
    void the_demo_starts_on_the_running_hub_with_its_settings_under_the_users_and_stops_before_it() {
        int exit = run(new RecordingDemo(), "--demo", "--check", "--host", "127.0.0.1", "--port", "0",
                "--data", data.toString(), "--set", "search.enabled=none");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(steps).containsExactly("prepare", "start with search none as Roadie/0.1 ( demo@example.org )",
                "stop with 1 token");
        assertThat(out.toString()).contains("demo started").contains("roadie: check passed");
    }

    @Test
    void without_a_demo_from_the_roadie_command_demo_is_a_usage_error() {
        int exit = run(null, "--demo", "--data", data.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("roadie: this build has no demo mode: run roadie serve --demo"
                + " from bin/roadie");
    }
}
