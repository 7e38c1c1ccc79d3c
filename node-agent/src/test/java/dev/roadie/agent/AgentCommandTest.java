package dev.roadie.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AgentCommandTest {
    @TempDir
    Path dir;

    private record Outcome(int code, String err) {
    }

    private static Outcome run(String... args) {
        CommandLine command = AgentCommand.commandLine();
        StringWriter err = new StringWriter();
        command.setErr(new PrintWriter(err));
        return new Outcome(command.execute(args), err.toString());
    }

    @Test
    void a_bad_setting_in_the_file_exits_2_with_one_line_naming_it() throws IOException {
        Path file = Files.writeString(dir.resolve("agent.yml"), """
                node: {name: ams-1, password: x}
                public: {host: ams-1.example.org, port: 99999}
                hub: {uris: [ws://127.0.0.1:1/ws], token: rd_a_b}
                """);
        Outcome outcome = run("run", "--config", file.toString());
        assertThat(outcome.code()).isEqualTo(2);
        assertThat(outcome.err()).isEqualTo("roadie-agent: Setting public.port (ROADIE_AGENT_PUBLIC_PORT) in " + file
                + " is between 1 and 65535, got 99999" + System.lineSeparator());
    }

    @Test
    void a_missing_config_file_exits_2() {
        Outcome outcome = run("run", "--config", dir.resolve("nope.yml").toString());
        assertThat(outcome.code()).isEqualTo(2);
        assertThat(outcome.err()).contains("nope.yml does not exist");
    }

    @Test
    void run_documents_its_options() {
        CommandLine command = AgentCommand.commandLine();
        StringWriter out = new StringWriter();
        command.setOut(new PrintWriter(out));
        assertThat(command.execute("run", "--help")).isZero();
        assertThat(out.toString()).contains("--config=FILE", "--dry-run");
    }
}
