package dev.roadie.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
    @TempDir
    Path data;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine roadie = CliErrors.configure(new CommandLine(new ServeCommand()));
        roadie.setOut(new PrintWriter(out, true));
        roadie.setErr(new PrintWriter(err, true));
        return roadie.execute(args);
    }

    @Test
    void a_busy_port_is_one_line_that_says_what_to_do() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int exit = run("--host", "127.0.0.1", "--port", Integer.toString(taken.getLocalPort()),
                    "--data", data.toString());

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString().strip()).hasLineCount(1)
                    .startsWith("roadie: Port " + taken.getLocalPort())
                    .contains("already in use", "--port");
        }
    }

    @Test
    void a_start_on_a_busy_port_leaves_no_data_folder_and_no_admin_token() throws IOException {
        Path folder = data.resolve("new-data");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int exit = run("--host", "127.0.0.1", "--port", Integer.toString(taken.getLocalPort()),
                    "--data", folder.toString());

            assertThat(exit).isEqualTo(1);
            assertThat(folder).doesNotExist();
        }
    }

    @Test
    void a_start_on_a_busy_port_with_an_existing_folder_makes_no_admin_token() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int exit = run("--host", "127.0.0.1", "--port", Integer.toString(taken.getLocalPort()),
                    "--data", data.toString());

            assertThat(exit).isEqualTo(1);
            assertThat(data.resolve("admin.token")).doesNotExist();
        }
    }

    @Test
    void a_bad_setting_is_one_line_naming_it() {
        int exit = run("--data", data.toString(), "--set", "limits.maxFrameBytes=lots");

        assertThat(exit).as("a usage mistake").isEqualTo(2);
        assertThat(err.toString().strip()).hasLineCount(1).contains("limits.maxFrameBytes", "lots");
    }

    @Test
    void an_unknown_setting_is_refused_before_anything_starts() {
        Path fresh = data.resolve("fresh");

        int exit = run("--data", fresh.toString(), "--set", "limits.maxFrameByte=1MiB");

        assertThat(exit).as("a usage mistake").isEqualTo(2);
        assertThat(err.toString()).contains("maxFrameBytes");
        assertThat(Files.exists(fresh)).isFalse();
    }

    @Test
    void check_starts_the_hub_checks_its_health_and_socket_then_stops() throws IOException {
        int exit = run("--check", "--host", "127.0.0.1", "--port", "0", "--data", data.toString());

        assertThat(exit).as("stderr: %s", err).isZero();
        assertThat(out.toString()).contains("check passed", "/api/health answered", "/ws refused a hello without a token");
        // Stopped: the port it used is free again.
        int port = Integer.parseInt(out.toString().replaceAll("(?s).*check passed on port (\\d+).*", "$1"));
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void check_fails_with_one_line_when_the_hub_cannot_start() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int exit = run("--check", "--host", "127.0.0.1", "--port", Integer.toString(taken.getLocalPort()),
                    "--data", data.toString());

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString().strip()).hasLineCount(1).contains("already in use");
        }
    }
}
