package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RoadieCommandTest {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine roadie = RoadieCommand.commandLine();
        roadie.setOut(new PrintWriter(out, true));
        roadie.setErr(new PrintWriter(err, true));
        return roadie.execute(args);
    }

    @Test
    void help_lists_the_commands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("serve", "token", "pair");
    }

    @Test
    void an_unknown_command_is_one_line_and_exit_code_2() {
        assertThat(run("serv")).isEqualTo(2);
        assertThat(err.toString().strip()).hasLineCount(1).contains("serv");
    }
}
