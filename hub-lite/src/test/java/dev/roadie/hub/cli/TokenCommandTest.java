package dev.roadie.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.auth.Principal;
import dev.roadie.hub.auth.TokenService;
import dev.roadie.hub.store.AuditEntry;
import dev.roadie.hub.store.AuditLog;
import dev.roadie.hub.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TokenCommandTest {
    @TempDir
    Path temp;

    /** What a run of the command produced. */
    record Run(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        String lastLine() {
            return outLines().getLast();
        }
    }

    @Test
    void create_prints_a_summary_and_the_token_alone_on_the_last_line() {
        Path data = temp.resolve("data");

        Database.open(data).close();

        Run run = token("create", "--data", data.toString(), "--name", "alice-laptop", "--kind", "desktop",
                "--scope", "send:music-bot", "--scope", "subscribe:player.*");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.lastLine()).matches("rd_[A-Za-z0-9_-]{12}_[A-Za-z0-9_-]{43}");
        assertThat(run.out()).contains("name:   alice-laptop", "kind:   desktop",
                "scopes: send:music-bot subscribe:player.*");
        String id = run.lastLine().substring(3, 15);
        assertThat(run.outLines()).contains("Created token " + id + " in " + data);
        assertThat(run.out().indexOf(run.lastLine())).as("shown once").isEqualTo(run.out().lastIndexOf(run.lastLine()));

        try (Database db = Database.open(data)) {
            Principal principal = new TokenService(db, Clock.systemUTC()).authenticate(run.lastLine()).orElseThrow();
            assertThat(principal.name()).isEqualTo("alice-laptop");
            assertThat(principal.scopes().asList()).containsExactly("send:music-bot", "subscribe:player.*");
            List<AuditEntry> audit = new AuditLog(db, Clock.systemUTC()).recent(5);
            assertThat(audit).singleElement().satisfies(entry -> {
                assertThat(entry.actor()).startsWith("cli:");
                assertThat(entry.action()).isEqualTo("token.create");
                assertThat(entry.detail()).contains("id=" + id, "name=alice-laptop").doesNotContain(run.lastLine());
            });
        }
    }

    @Test
    void create_refuses_a_data_folder_that_does_not_exist_and_creates_nothing() {
        Path typo = temp.resolve("dta");

        Run run = token("create", "--data", typo.toString(), "--name", "alice", "--kind", "desktop");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("There is no data folder " + typo + ".")
                .contains("roadie serve", "--data", "ROADIE_DATA", "--create");
        assertThat(typo).doesNotExist();
    }

    @Test
    void create_with_create_makes_the_folder_and_the_admin_token_and_says_where() throws IOException {
        Path data = temp.resolve("data");

        Run run = token("create", "--create", "--data", data.toString(), "--name", "alice", "--kind", "desktop");

        assertThat(run.exitCode()).isZero();
        Path adminFile = data.resolve("admin.token");
        assertThat(run.outLines().getFirst()).startsWith("No tokens yet: also created the admin token")
                .contains(adminFile.toString());
        assertThat(run.lastLine()).startsWith("rd_");
        Principal admin = authenticate(data, Files.readString(adminFile).strip()).orElseThrow();
        assertThat(admin.scopes().asList()).containsExactly("admin");
    }

    @Test
    void create_makes_the_admin_token_only_when_there_is_no_token_yet() {
        token("create", "--data", temp.toString(), "--name", "alice", "--kind", "desktop");

        Run second = token("create", "--data", temp.toString(), "--name", "bob", "--kind", "desktop");

        assertThat(second.out()).doesNotContain("admin token");
        assertThat(second.outLines().getFirst()).startsWith("Created token ");
    }

    @Test
    void a_second_active_token_of_the_same_identity_is_created_with_a_note_naming_the_first_by_id() {
        String first = token("create", "--data", temp.toString(), "--name", "eu-1", "--kind", "music-bot").lastLine();

        Run second = token("create", "--data", temp.toString(), "--name", "eu-1", "--kind", "music-bot");
        Run otherKind = token("create", "--data", temp.toString(), "--name", "eu-1", "--kind", "audio-node");

        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("Note: the active token " + first.substring(3, 15)
                + " also connects as music-bot/eu-1", "replace each other's connections", "Revoke the old one by id");
        assertThat(second.lastLine()).startsWith("rd_");
        assertThat(otherKind.out()).doesNotContain("Note:");
    }

    @Test
    void scopes_may_also_be_separated_by_commas() {
        Run run = token("create", "--data", temp.toString(), "--name", "bot", "--kind", "music-bot",
                "--scope", "send:*,registry");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("scopes: send:* registry\n");
    }

    @Test
    void create_without_scope_grants_the_kind_preset() {
        Run run = token("create", "--data", temp.toString(), "--name", "eu-1", "--kind", "audio-node");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("scopes: announce:audio-node registry (preset for kind audio-node)");
        assertThat(authenticate(run.lastLine()).orElseThrow().scopes().asList())
                .containsExactly("announce:audio-node", "registry");
    }

    @Test
    void create_for_a_kind_without_preset_says_the_token_has_no_scopes() {
        Run run = token("create", "--data", temp.toString(), "--name", "toaster-1", "--kind", "toaster");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("scopes: none (kind toaster has no preset scopes; give --scope to grant some)");
        assertThat(authenticate(run.lastLine()).orElseThrow().scopes().asList()).isEmpty();
    }

    @Test
    void a_bad_scope_is_a_usage_error_on_one_line_and_creates_nothing() {
        Path data = temp.resolve("data");

        Run run = token("create", "--data", data.toString(), "--name", "alice", "--kind", "desktop",
                "--scope", "sned:music-bot");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("Invalid scope 'sned:music-bot': unknown action 'sned'.")
                .contains("Valid scopes are admin, registry, broadcast, metrics, search, or ACTION:PATTERN")
                .endsWith("(see 'token create --help')");
        assertThat(data).doesNotExist();
    }

    @Test
    void a_bad_scope_is_reported_on_one_line_even_without_the_roadie_error_handlers() {
        Run run = execute(new CommandLine(new TokenCommand()), "create", "--data", temp.toString(),
                "--name", "alice", "--kind", "desktop", "--scope", "send:Music");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().startsWith("Invalid scope 'send:Music'");
    }

    @Test
    void a_bad_name_is_a_usage_error() {
        Run run = token("create", "--data", temp.toString(), "--name", "Alice Laptop", "--kind", "desktop");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().startsWith("--name must be 1-64 characters");
    }

    @Test
    void a_missing_option_is_a_usage_error_on_one_line() {
        Run run = token("create", "--data", temp.toString(), "--kind", "desktop");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString()
                .isEqualTo("Missing required option: '--name=NAME' (see 'token create --help')");
    }

    @Test
    void no_subcommand_is_a_usage_error() {
        Run run = token();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().startsWith("Missing subcommand: create, list or revoke");
    }

    @Test
    void list_shows_a_table_without_secrets() {
        String alice = token("create", "--data", temp.toString(), "--name", "alice-laptop", "--kind", "desktop").lastLine();
        String bot = token("create", "--data", temp.toString(), "--name", "bot", "--kind", "music-bot").lastLine();
        token("revoke", "--data", temp.toString(), "bot");

        Run run = token("list", "--data", temp.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = run.outLines();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches("ID +NAME +KIND +SCOPES +CREATED +LAST USED +REVOKED");
        assertThat(lines.get(1)).contains("  admin  ");
        assertThat(lines.get(2)).startsWith(alice.substring(3, 15) + "  alice-laptop  desktop    send:music-bot"
                + " subscribe:player.* registry").matches(".*\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ +- +-$");
        assertThat(lines.get(3)).startsWith(bot.substring(3, 15) + "  bot           music-bot  send:*")
                .matches(".*Z +- +\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$");
        for (String token : List.of(alice, bot)) {
            assertThat(run.out()).doesNotContain(token).doesNotContain(token.substring(16));
        }
    }

    @Test
    void list_says_when_there_are_no_tokens() {
        Database.open(temp).close();

        Run run = token("list", "--data", temp.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("No tokens.\n");
    }

    @Test
    void list_and_revoke_refuse_a_folder_without_a_database_and_create_none() {
        Path missing = temp.resolve("typo");

        Run list = token("list", "--data", missing.toString());
        Run revoke = token("revoke", "--data", missing.toString(), "x");

        for (Run run : List.of(list, revoke)) {
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err().lines()).singleElement().asString()
                    .startsWith("No Roadie data in " + missing + " (no roadie.db).");
        }
        assertThat(missing).doesNotExist();
    }

    @Test
    void revoke_by_name_or_id_stops_the_token() {
        String alice = token("create", "--data", temp.toString(), "--name", "alice-laptop", "--kind", "desktop").lastLine();
        String bot = token("create", "--data", temp.toString(), "--name", "bot", "--kind", "music-bot").lastLine();

        Run byName = token("revoke", "--data", temp.toString(), "alice-laptop");
        Run byId = token("revoke", "--data", temp.toString(), bot.substring(3, 15));

        assertThat(byName.exitCode()).isZero();
        assertThat(byName.out())
                .startsWith("Revoked token " + alice.substring(3, 15) + " (name alice-laptop, kind desktop)");
        assertThat(byId.exitCode()).isZero();
        assertThat(authenticate(alice)).isEmpty();
        assertThat(authenticate(bot)).isEmpty();
    }

    @Test
    void revoke_refuses_an_ambiguous_name_and_an_unknown_one() {
        token("create", "--data", temp.toString(), "--name", "shared", "--kind", "web");
        token("create", "--data", temp.toString(), "--name", "shared", "--kind", "web");

        Run ambiguous = token("revoke", "--data", temp.toString(), "shared");
        Run unknown = token("revoke", "--data", temp.toString(), "nobody");

        assertThat(ambiguous.exitCode()).isEqualTo(1);
        assertThat(ambiguous.err().lines()).singleElement().asString()
                .startsWith("2 active tokens are named 'shared'").endsWith("revoke one by id.");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err().lines()).singleElement().asString()
                .isEqualTo("No token has the id 'nobody', and no active token has that name.");
    }

    @Test
    void a_data_folder_that_cannot_be_used_is_a_failure_on_one_line() throws IOException {
        Path file = Files.writeString(temp.resolve("data"), "not a folder");

        Run run = token("create", "--data", file.toString(), "--name", "alice", "--kind", "desktop");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString().startsWith("Cannot open the data folder " + file);
    }

    @Test
    void a_config_file_that_does_not_exist_is_a_usage_error_on_one_line() {
        Path missing = temp.resolve("roadie.yml");

        Run run = token("list", "--config", missing.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().contains(missing.toString())
                .doesNotContain("unexpected error").endsWith("(see 'token list --help')");
    }

    @Test
    void works_while_a_hub_has_the_database_open() {
        try (Database hubDb = Database.open(temp)) {
            TokenService hub = new TokenService(hubDb, Clock.systemUTC());

            String token = token("create", "--data", temp.toString(), "--name", "bot", "--kind", "music-bot").lastLine();
            assertThat(hub.authenticate(token)).isPresent();

            assertThat(token("revoke", "--data", temp.toString(), "bot").exitCode()).isZero();
            assertThat(hub.list()).filteredOn(info -> info.name().equals("bot")).singleElement()
                    .satisfies(info -> assertThat(info.active()).isFalse());
        }
    }

    @Test
    void help_is_not_an_error() {
        Run run = token("create", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--name=NAME", "--kind=KIND", "--scope=SCOPE", "--data=DIR");
    }

    private Optional<Principal> authenticate(String token) {
        return authenticate(temp, token);
    }

    private static Optional<Principal> authenticate(Path data, String token) {
        try (Database db = Database.open(data)) {
            return new TokenService(db, Clock.systemUTC()).authenticate(token);
        }
    }

    private static Run token(String... args) {
        return execute(CliErrors.configure(new CommandLine(new TokenCommand())), args);
    }

    private static Run execute(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        assertThat(err.toString()).doesNotContain("\tat ").doesNotContain("Exception");
        return new Run(exitCode, out.toString(), err.toString());
    }
}
