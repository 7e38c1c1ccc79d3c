package dev.roadie.certs.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadCommandTest {
    @TempDir
    Path dir;

    @Test
    void words_are_split_on_spaces() {
        assertThat(ReloadCommand.parse("  nginx   -s\treload ").argv()).containsExactly("nginx", "-s", "reload");
    }

    @Test
    void single_quotes_keep_everything_inside() {
        assertThat(ReloadCommand.parse("sh -c 'nginx -t && nginx -s reload \"now\" \\n'").argv())
                .containsExactly("sh", "-c", "nginx -t && nginx -s reload \"now\" \\n");
    }

    @Test
    void double_quotes_keep_spaces_and_unescape_only_quote_and_backslash() {
        assertThat(ReloadCommand.parse("echo \"a b\" \"say \\\"hi\\\"\" \"c:\\\\dir\\n\"").argv())
                .containsExactly("echo", "a b", "say \"hi\"", "c:\\dir\\n");
    }

    @Test
    void a_backslash_outside_quotes_keeps_the_next_character_and_quotes_may_touch_text() {
        assertThat(ReloadCommand.parse("kill -HUP a\\ b --name=\"x y\"'z' ''").argv())
                .containsExactly("kill", "-HUP", "a b", "--name=x yz", "");
    }

    @Test
    void shell_characters_are_ordinary() {
        assertThat(ReloadCommand.parse("echo $HOME * | > ;").argv()).containsExactly("echo", "$HOME", "*", "|", ">", ";");
    }

    @Test
    void unclosed_quotes_trailing_backslash_and_empty_lines_are_refused() {
        assertThatThrownBy(() -> ReloadCommand.parse("sh -c 'x")).hasMessageContaining("unclosed '");
        assertThatThrownBy(() -> ReloadCommand.parse("echo \"x")).hasMessageContaining("unclosed \"");
        assertThatThrownBy(() -> ReloadCommand.parse("echo x\\")).hasMessageContaining("lone \\");
        assertThatThrownBy(() -> ReloadCommand.parse("   ")).hasMessageContaining("empty");
    }

    @Test
    void the_text_form_parses_back_to_the_same_words() {
        ReloadCommand command = ReloadCommand.parse("sh -c 'it'\\''s \"here\"' plain ''");

        assertThat(ReloadCommand.parse(command.toString()).argv()).isEqualTo(command.argv());
        assertThat(command.argv()).containsExactly("sh", "-c", "it's \"here\"", "plain", "");
    }

    @Test
    void a_command_runs_without_a_shell_and_succeeds_on_exit_0() throws Exception {
        Path marker = dir.resolve("ran $HOME");

        ReloadCommand.of(java.util.List.of("touch", marker.toString())).run(Duration.ofSeconds(30));

        assertThat(marker).exists();
    }

    @Test
    void a_non_zero_exit_fails_with_the_end_of_stderr() {
        ReloadCommand command = ReloadCommand.parse("sh -c 'echo nginx: config broken >&2; exit 3'");

        assertThatThrownBy(() -> command.run(Duration.ofSeconds(30))).isInstanceOf(DeploymentException.class)
                .hasMessageContaining("exited with 3").hasMessageContaining("nginx: config broken")
                .satisfies(e -> assertThat(((DeploymentException) e).stage()).isEqualTo(DeploymentStage.RELOAD));
    }

    @Test
    void a_command_that_runs_too_long_is_stopped_and_fails() {
        ReloadCommand command = ReloadCommand.parse("sleep 30");
        long start = System.nanoTime();

        assertThatThrownBy(() -> command.run(Duration.ofMillis(300))).isInstanceOf(DeploymentException.class)
                .hasMessageContaining("did not finish within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void a_missing_program_fails_naming_it() {
        assertThatThrownBy(() -> ReloadCommand.parse("no-such-program-here --now").run(Duration.ofSeconds(5)))
                .isInstanceOf(DeploymentException.class).hasMessageContaining("cannot start")
                .hasMessageContaining("no-such-program-here");
    }

    @Test
    void stdin_is_empty_so_a_reload_that_reads_does_not_hang() throws Exception {
        Path copy = dir.resolve("input");

        ReloadCommand.of(java.util.List.of("sh", "-c", "cat > \"$0\"", copy.toString())).run(Duration.ofSeconds(30));

        assertThat(Files.readString(copy)).isEmpty();
    }
}
