package dev.roadie.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.hub.store.Database;
import dev.roadie.hub.testing.ManualClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TokenServiceTest {
    private static final Instant START = Instant.parse("2025-03-01T12:00:00Z");
    private static final List<String> DESKTOP = List.of("send:music-bot", "subscribe:player.*", "registry");

    @TempDir
    Path temp;

    private final ManualClock time = new ManualClock(START);
    private Database db;
    private TokenService tokens;

    @BeforeEach
    void open() {
        db = Database.open(temp);
        tokens = new TokenService(db, time, time);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void a_new_token_has_the_documented_format_and_authenticates() {
        IssuedToken issued = tokens.create("alice-laptop", "desktop", DESKTOP);

        assertThat(issued.token()).matches("rd_[A-Za-z0-9_-]{12}_[A-Za-z0-9_-]{43}");
        assertThat(issued.token()).startsWith("rd_" + issued.info().id() + "_");
        assertThat(issued.info()).isEqualTo(new TokenInfo(issued.info().id(), "alice-laptop", "desktop", DESKTOP,
                START, null, null));
        assertThat(tokens.authenticate(issued.token())).contains(
                new Principal(issued.info().id(), "alice-laptop", "desktop", Scopes.parse(DESKTOP)));
    }

    @Test
    void every_token_is_different() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            made.add(tokens.create("t" + i, "web", List.of()).token());
        }

        assertThat(made).doesNotHaveDuplicates();
        assertThat(made).allSatisfy(token -> assertThat(token.charAt(3)).isNotEqualTo('-'));
    }

    @Test
    void only_a_hash_of_the_secret_is_stored() throws Exception {
        IssuedToken issued = tokens.create("alice-laptop", "desktop", DESKTOP);
        String secret = issued.token().substring(16);

        List<String> everything = db.read(c -> {
            List<String> values = new ArrayList<>();
            try (Statement statement = c.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT * FROM tokens")) {
                while (rows.next()) {
                    for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                        values.add(rows.getString(column));
                    }
                }
            }
            return values;
        });
        String expectedHash = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));

        assertThat(everything).contains(expectedHash);
        assertThat(everything).allSatisfy(value -> {
            assertThat(value).isNotEqualTo(issued.token());
            assertThat(String.valueOf(value)).doesNotContain(secret);
        });
        assertThat(Files.readAllBytes(temp.resolve("roadie.db")))
                .asString(StandardCharsets.ISO_8859_1).doesNotContain(secret);
    }

    @Test
    void a_wrong_secret_is_denied() {
        String token = tokens.create("alice-laptop", "desktop", DESKTOP).token();
        char last = token.charAt(token.length() - 1);
        String wrong = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        String other = tokens.create("bob-phone", "mobile", DESKTOP).token();
        String swapped = token.substring(0, 16) + other.substring(16);

        assertThat(tokens.authenticate(wrong)).isEmpty();
        assertThat(tokens.authenticate(swapped)).isEmpty();
        assertThat(tokens.authenticate(token)).isPresent();
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                damaged("nothing", token -> null),
                damaged("empty", token -> ""),
                damaged("prefix only", token -> "rd_"),
                damaged("with the header name", token -> "Bearer " + token),
                damaged("with a space", token -> token + " "),
                damaged("one character more", token -> token + "A"),
                damaged("one character less", token -> token.substring(0, token.length() - 1)),
                damaged("another prefix", token -> "RD_" + token.substring(3)),
                damaged("another separator", token -> token.substring(0, 15) + "." + token.substring(16)),
                damaged("base64, not base64url", token -> token.substring(0, 20) + "+" + token.substring(21)),
                damaged("padding", token -> token.substring(0, token.length() - 1) + "="),
                damaged("secret only", token -> token.substring(16)));
    }

    private static Arguments damaged(String description, UnaryOperator<String> damage) {
        return Arguments.of(description, damage);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void a_malformed_token_is_denied(String description, UnaryOperator<String> damage) {
        String token = tokens.create("alice-laptop", "desktop", DESKTOP).token();
        String damaged = damage.apply(token);

        assertThat(TokenFormat.parse(damaged)).isEmpty();
        assertThat(tokens.authenticate(damaged)).isEmpty();
        assertThat(tokens.authenticate(token)).isPresent();
    }

    @Test
    void an_unknown_id_is_denied() {
        String token = tokens.create("alice-laptop", "desktop", DESKTOP).token();
        String unknown = "rd_" + (token.startsWith("rd_A") ? "B" : "A") + token.substring(4);

        assertThat(tokens.authenticate(unknown)).isEmpty();
    }

    @Test
    void a_revoked_token_is_denied_at_once() {
        IssuedToken issued = tokens.create("alice-laptop", "desktop", DESKTOP);
        assertThat(tokens.authenticate(issued.token())).isPresent();
        time.advance(Duration.ofSeconds(1));

        Optional<TokenInfo> revoked = tokens.revoke(issued.info().id());

        assertThat(revoked).hasValueSatisfying(info -> {
            assertThat(info.id()).isEqualTo(issued.info().id());
            assertThat(info.revokedAt()).isEqualTo(START.plusSeconds(1));
            assertThat(info.active()).isFalse();
        });
        assertThat(tokens.authenticate(issued.token())).isEmpty();
    }

    @Test
    void a_revoke_by_another_process_takes_effect_when_the_cache_expires() {
        IssuedToken issued = cachedThenRevokedByAnotherProcess();

        time.advance(Duration.ofSeconds(4));
        assertThat(tokens.authenticate(issued.token())).as("still cached").isPresent();
        time.advance(Duration.ofSeconds(1));
        assertThat(tokens.authenticate(issued.token())).isEmpty();
    }

    @Test
    void a_record_used_in_its_last_second_is_read_again_before_it_expires() {
        IssuedToken issued = cachedThenRevokedByAnotherProcess();

        time.advance(TokenService.REFRESH_AFTER.plusMillis(100));
        // The call that finds the record old reads it again (calls arriving meanwhile get the old one).
        assertThat(tokens.authenticate(issued.token())).as("read again, before the 5 s are up").isEmpty();
    }

    /** A token this service has cached, then revoked by another process (as the roadie token command does). */
    private IssuedToken cachedThenRevokedByAnotherProcess() {
        IssuedToken issued = tokens.create("alice-laptop", "desktop", DESKTOP);
        assertThat(tokens.authenticate(issued.token())).isPresent();
        try (Database cliDb = Database.open(temp)) {
            assertThat(new TokenService(cliDb, time).revoke("alice-laptop")).isPresent();
        }
        return issued;
    }

    @Test
    void a_token_created_by_another_process_authenticates_at_once() {
        try (Database cliDb = Database.open(temp)) {
            String token = new TokenService(cliDb, time).create("bot", "music-bot", List.of("send:*")).token();

            assertThat(tokens.authenticate(token)).map(Principal::name).contains("bot");
        }
    }

    @Test
    void authenticating_is_served_from_the_cache() {
        String token = tokens.create("alice-laptop", "desktop", DESKTOP).token();
        assertThat(tokens.authenticate(token)).isPresent();
        db.close();

        // The database is closed, so only the cache can answer.
        assertThat(tokens.authenticate(token)).isPresent();
    }

    @Test
    void last_use_is_written_at_most_once_a_minute() {
        IssuedToken issued = tokens.create("alice-laptop", "desktop", DESKTOP);
        String id = issued.info().id();
        assertThat(lastUsed(id)).isNull();

        tokens.authenticate(issued.token());
        assertThat(lastUsed(id)).isEqualTo(START);

        time.advance(Duration.ofSeconds(30));
        tokens.authenticate(issued.token());
        time.advance(Duration.ofSeconds(29));
        tokens.authenticate(issued.token());
        assertThat(lastUsed(id)).isEqualTo(START);

        time.advance(Duration.ofSeconds(2));
        tokens.authenticate(issued.token());
        assertThat(lastUsed(id)).isEqualTo(START.plusSeconds(61));
    }

    @Test
    void a_failed_attempt_is_not_a_use() {
        IssuedToken issued = tokens.create("alice-laptop", "desktop", DESKTOP);

        tokens.authenticate(issued.token().substring(0, 58) + (issued.token().endsWith("A") ? "B" : "A"));

        assertThat(lastUsed(issued.info().id())).isNull();
    }

    @Test
    void lists_every_token_oldest_first_without_secrets() {
        IssuedToken alice = tokens.create("alice-laptop", "desktop", DESKTOP);
        time.advance(Duration.ofMinutes(1));
        IssuedToken bot = tokens.create("bot", "music-bot", ScopePresets.forKind("music-bot"));
        tokens.revoke("bot");

        List<TokenInfo> list = tokens.list();

        assertThat(list).extracting(TokenInfo::name).containsExactly("alice-laptop", "bot");
        assertThat(list.get(0)).isEqualTo(alice.info());
        assertThat(list.get(1).revokedAt()).isEqualTo(START.plusSeconds(60));
        assertThat(list.toString()).doesNotContain(alice.token().substring(16)).doesNotContain(bot.token().substring(16));
    }

    @Test
    void revokes_by_name_when_one_active_token_has_it() {
        IssuedToken old = tokens.create("alice-laptop", "desktop", DESKTOP);
        tokens.revoke(old.info().id());
        IssuedToken current = tokens.create("alice-laptop", "desktop", DESKTOP);

        assertThat(tokens.revoke("alice-laptop")).map(TokenInfo::id).contains(current.info().id());
        assertThat(tokens.authenticate(current.token())).isEmpty();
    }

    @Test
    void refuses_to_guess_between_tokens_with_the_same_name() {
        IssuedToken first = tokens.create("shared", "web", DESKTOP);
        IssuedToken second = tokens.create("shared", "web", DESKTOP);

        assertThatThrownBy(() -> tokens.revoke("shared"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 active tokens are named 'shared'")
                .hasMessageContaining(first.info().id())
                .hasMessageContaining(second.info().id())
                .hasMessageContaining("revoke one by id");
        assertThat(tokens.authenticate(first.token())).isPresent();
        assertThat(tokens.authenticate(second.token())).isPresent();
    }

    @Test
    void revoking_nothing_or_twice() {
        IssuedToken issued = tokens.create("alice-laptop", "desktop", DESKTOP);
        TokenInfo revoked = tokens.revoke(issued.info().id()).orElseThrow();
        time.advance(Duration.ofMinutes(1));

        assertThat(tokens.revoke(issued.info().id())).contains(revoked);
        assertThat(tokens.revoke("alice-laptop")).as("no active token has the name").isEmpty();
        assertThat(tokens.revoke("nobody")).isEmpty();
    }

    @Test
    void create_checks_name_kind_and_scopes() {
        assertThatThrownBy(() -> tokens.create("Alice", "desktop", DESKTOP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("name must be");
        assertThatThrownBy(() -> tokens.create("alice", "desk top", DESKTOP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("kind must be");
        assertThatThrownBy(() -> tokens.create("alice", "desktop", List.of("send:music-bot", "root")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Invalid scope 'root'");
        assertThat(tokens.list()).isEmpty();
    }

    @Test
    void an_issued_token_does_not_show_the_token_in_its_string_form() {
        IssuedToken issued = tokens.create("alice-laptop", "desktop", DESKTOP);

        assertThat(issued.toString()).doesNotContain(issued.token()).contains("alice-laptop").contains("(hidden)");
    }

    @Test
    void the_first_start_creates_an_admin_token_in_an_owner_only_file() throws IOException {
        Optional<Path> file = tokens.ensureAdminToken(temp);

        assertThat(file).contains(temp.resolve("admin.token"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.get()))).isEqualTo("rw-------");
        String token = Files.readString(file.get()).strip();
        Principal admin = tokens.authenticate(token).orElseThrow();
        assertThat(admin.isAdmin()).isTrue();
        assertThat(admin.name()).isEqualTo("admin");
        assertThat(admin.kind()).isEqualTo("admin");
        assertThat(admin.scopes().asList()).containsExactly("admin");

        assertThat(tokens.ensureAdminToken(temp)).isEmpty();
        assertThat(new TokenService(db, time).ensureAdminToken(temp)).isEmpty();
        assertThat(tokens.list()).hasSize(1);
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void no_admin_token_is_made_when_tokens_exist() {
        tokens.create("bot", "music-bot", List.of("send:*"));

        assertThat(tokens.ensureAdminToken(temp)).isEmpty();
        assertThat(temp.resolve("admin.token")).doesNotExist();
    }

    @Test
    void no_admin_token_is_kept_when_its_file_cannot_be_written() throws IOException {
        Path notAFolder = Files.writeString(temp.resolve("file"), "x");

        assertThatThrownBy(() -> tokens.ensureAdminToken(notAFolder))
                .hasMessageStartingWith("Cannot write the admin token to " + notAFolder.resolve("admin.token"));
        assertThat(tokens.list()).isEmpty();
    }

    @Test
    void tokens_never_appear_in_the_logs() {
        List<String> secrets = new ArrayList<>();
        List<String> lines;
        try (CapturedLogs logs = new CapturedLogs()) {
            tokens.ensureAdminToken(temp);
            IssuedToken issued = tokens.create("alice-laptop", "desktop", DESKTOP);
            secrets.add(issued.token().substring(16));
            tokens.authenticate(issued.token());
            tokens.authenticate(issued.token().replace('_', '-'));
            tokens.authenticate(issued.token().substring(0, 58) + "!");
            tokens.revoke("alice-laptop");
            tokens.authenticate(issued.token());
            lines = logs.lines();
        }
        for (TokenInfo info : tokens.list()) {
            if (info.name().equals("admin")) {
                secrets.add(readAdminSecret());
            }
        }

        assertThat(lines).anyMatch(line -> line.contains("Created token"));
        assertThat(lines).anyMatch(line -> line.contains("Revoked token"));
        assertThat(secrets).hasSize(2);
        for (String secret : secrets) {
            assertThat(lines).noneMatch(line -> line != null && line.contains(secret));
        }
    }

    private String readAdminSecret() {
        try {
            return Files.readString(temp.resolve("admin.token")).strip().substring(16);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Instant lastUsed(String id) {
        return db.read(c -> {
            try (var select = c.prepareStatement("SELECT last_used_at FROM tokens WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    long millis = row.getLong(1);
                    return row.wasNull() ? null : Instant.ofEpochMilli(millis);
                }
            }
        });
    }
}
