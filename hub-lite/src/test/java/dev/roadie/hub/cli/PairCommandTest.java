package dev.roadie.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.auth.TokenService;
import dev.roadie.hub.config.HubConfig;
import dev.roadie.hub.pairing.Narrowing;
import dev.roadie.hub.pairing.PairingService;
import dev.roadie.hub.pairing.PollResult;
import dev.roadie.hub.pairing.QrImage;
import dev.roadie.hub.pairing.QrModules;
import dev.roadie.hub.pairing.StartedPairing;
import dev.roadie.hub.store.AuditEntry;
import dev.roadie.hub.store.AuditLog;
import dev.roadie.hub.store.Database;
import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.hub.testing.WireClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/** {@code roadie pair} on a data folder, with a device's side played through the pairing service. */
class PairCommandTest {
    @TempDir
    Path data;

    record Run(int exitCode, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    @Test
    void approve_by_the_code_the_device_shows_gives_the_device_its_token_on_its_next_poll() {
        StartedPairing started = device(pairing -> pairing.start("desktop", "Alice's laptop", "Linux", "10.0.0.7"));

        Run run = pair("approve", started.userCode().toLowerCase(), "--data", data.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Approved desktop 'Alice's laptop'",
                "send:music-bot subscribe:player.* registry search");
        PollResult result = device(pairing -> pairing.poll(started.deviceCode(), "10.0.0.7"));
        assertThat(result).isInstanceOfSatisfying(PollResult.Granted.class,
                granted -> assertThat(granted.token().info().kind()).isEqualTo("desktop"));
        assertThat(audit()).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("pair.approve");
            assertThat(entry.actor()).startsWith("cli:");
        });
    }

    @Test
    void approve_narrows_scopes_and_binds_guilds_but_refuses_to_widen() {
        StartedPairing started = device(pairing -> pairing.start("mobile", "Phone", null, "10.0.0.8"));

        Run wider = pair("approve", started.userCode(), "--scope", "admin", "--data", data.toString());
        Run narrowed = pair("approve", started.userCode(), "--scope", "subscribe:player.*", "--guild", "42",
                "--data", data.toString());

        assertThat(wider.exitCode()).isEqualTo(2);
        assertThat(wider.err()).contains("wider than", "never widen");
        assertThat(narrowed.exitCode()).as(narrowed.err()).isZero();
        PollResult result = device(pairing -> pairing.poll(started.deviceCode(), "10.0.0.8"));
        assertThat(((PollResult.Granted) result).token().info().scopes()).containsExactly("subscribe:player.42");
    }

    @Test
    void approve_and_invite_bind_the_device_to_the_music_bots_named_with_bot() {
        StartedPairing started = device(pairing -> pairing.start("desktop", "Laptop", null, "10.0.0.8"));

        Run badName = pair("approve", started.userCode(), "--bot", "EU", "--data", data.toString());
        Run approved = pair("approve", started.userCode(), "--bot", "eu-1", "--bot", "eu-2", "--data", data.toString());
        Run invited = pair("invite", "--kind", "mobile", "--bot", "eu-1", "--qr", "none", "--data", data.toString());

        assertThat(badName.exitCode()).isEqualTo(2);
        assertThat(badName.err()).contains("'EU' is not a music bot's name");
        assertThat(approved.exitCode()).as(approved.err()).isZero();
        PollResult result = device(pairing -> pairing.poll(started.deviceCode(), "10.0.0.8"));
        assertThat(((PollResult.Granted) result).token().info().scopes()).containsExactly("send:music-bot/eu-1",
                "send:music-bot/eu-2", "subscribe:player.*", "registry", "search");
        assertThat(invited.exitCode()).as(invited.err()).isZero();
        assertThat(invited.out()).contains("scopes send:music-bot/eu-1 subscribe:player.* registry search");
    }

    @Test
    void deny_tells_the_device_access_denied_and_an_unknown_code_is_a_failure() {
        StartedPairing started = device(pairing -> pairing.start("extension", "Chrome", null, "10.0.0.9"));

        Run denied = pair("deny", started.userCode(), "--data", data.toString());
        Run again = pair("deny", started.userCode(), "--data", data.toString());
        Run unknown = pair("approve", "BBBB-BBBB", "--data", data.toString());

        assertThat(denied.exitCode()).isZero();
        PollResult answer = device(pairing -> pairing.poll(started.deviceCode(), "10.0.0.9"));
        assertThat(answer).isInstanceOf(PollResult.Denied.class);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("denied already");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no pending pairing request", "start again");
    }

    @Test
    void invite_prints_a_single_use_code_and_its_link_as_the_last_two_lines() {
        Database.open(data).close();

        Run run = pair("invite", "--kind", "mobile", "--hub", "https://hub.example.org", "--data", data.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.lines();
        String code = lines.get(lines.size() - 2);
        assertThat(code).matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}");
        assertThat(lines.getLast()).isEqualTo("roadie://pair?hub=https%3A%2F%2Fhub.example.org&code=" + code);
        PollResult first = device(pairing -> pairing.redeem(code, "Phone", "iOS", "10.0.0.5"));
        PollResult second = device(pairing -> pairing.redeem(code, "Phone", "iOS", "10.0.0.5"));
        assertThat(first).isInstanceOf(PollResult.Granted.class);
        assertThat(second).as("single use").isInstanceOf(PollResult.Unknown.class);
    }

    @Test
    void invite_draws_the_link_as_a_qr_code_for_the_terminals_background_above_the_code() {
        Database.open(data).close();

        Run dark = pair("invite", "--kind", "mobile", "--hub", "https://hub.example.org", "--data", data.toString());
        Run light = pair("invite", "--kind", "mobile", "--qr", "light", "--hub", "https://hub.example.org",
                "--data", data.toString());
        Run none = pair("invite", "--kind", "mobile", "--qr", "none", "--data", data.toString());
        Run wrong = pair("invite", "--kind", "mobile", "--qr", "blue", "--data", data.toString());

        for (Run run : List.of(dark, light)) {
            assertThat(run.exitCode()).as(run.err()).isZero();
            List<String> lines = run.lines();
            List<String> expected = QrModules.expected(lines.getLast());
            List<String> drawn = lines.subList(1, 1 + (expected.size() + 1) / 2);
            QrImage.Background background = run == dark ? QrImage.Background.DARK : QrImage.Background.LIGHT;
            assertThat(QrModules.fromTerminal(drawn, background, expected.size())).containsExactlyElementsOf(expected);
            assertThat(lines).hasSize(1 + drawn.size() + 2);
        }
        assertThat(none.lines()).hasSize(3);
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("--qr is dark, light or none");
    }

    @Test
    void invite_names_the_hub_from_its_settings_when_not_told() {
        Database.open(data).close();

        Run run = pair("invite", "--kind", "desktop", "--data", data.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.lines().getLast()).startsWith("roadie://pair?hub=http%3A%2F%2Flocalhost%3A7070&code=");
    }

    @Test
    void list_shows_the_requests_waiting_and_the_paired_devices_and_revoke_revokes_one() {
        StartedPairing waiting = device(pairing -> pairing.start("mobile", "Bob's phone", "Android", "10.0.0.2"));
        StartedPairing paired = device(pairing -> pairing.start("desktop", "Laptop", "macOS", "10.0.0.3"));
        device(pairing -> pairing.approve(paired.userCode(), Narrowing.none(), "test"));
        String tokenId = ((PollResult.Granted) device(pairing -> pairing.poll(paired.deviceCode(), "10.0.0.3")))
                .token().info().id();

        Run list = pair("list", "--data", data.toString());

        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains(waiting.id(), "Bob's phone", "Android", "10.0.0.2");
        assertThat(list.out()).contains(tokenId, "Laptop", "macOS", "10.0.0.3");

        Run revoked = pair("revoke", tokenId, "--data", data.toString());
        Run unknown = pair("revoke", "nosuchtoken0", "--data", data.toString());

        assertThat(revoked.exitCode()).as(revoked.err()).isZero();
        assertThat(revoked.out()).contains("Revoked desktop 'Laptop'");
        try (Database db = Database.open(data)) {
            assertThat(new TokenService(db, Clock.systemUTC()).list())
                    .filteredOn(token -> token.id().equals(tokenId)).singleElement()
                    .satisfies(token -> assertThat(token.active()).isFalse());
        }
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(audit()).extracting(AuditEntry::action).contains("pair.revoke");
    }

    @Test
    void revoke_beside_a_running_hub_closes_the_devices_open_connection() {
        try (TestHub hub = TestHub.start(data)) {
            Http http = Http.to(hub);
            JsonNode started = http.post("/api/pair/start", null, "{\"kind\": \"mobile\", \"name\": \"Phone\"}")
                    .json();
            http.post("/api/pair/requests/" + started.get("user_code").asString() + "/approve", hub.adminToken(), "");
            JsonNode token = http.post("/api/pair/token", null, "{\"device_code\": \""
                    + started.get("device_code").asString() + "\"}").json();
            WireClient device = hub.track(WireClient.authenticated(hub.port(), token.get("access_token").asString()));

            Run run = pair("revoke", token.get("token_id").asString(), "--data", data.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(device.awaitClose()).isEqualTo(4003);
            assertThat(device.closeReason()).contains("revoked");
        }
    }

    @Test
    void without_a_subcommand_it_is_a_usage_error() {
        Run run = pair();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing subcommand");
    }

    private <T> T device(Function<PairingService, T> action) {
        try (Database db = Database.open(data)) {
            Clock clock = Clock.systemUTC();
            return action.apply(new PairingService(db, new TokenService(db, clock), new AuditLog(db, clock), clock,
                    HubConfig.defaults().pairing()));
        }
    }

    private List<AuditEntry> audit() {
        try (Database db = Database.open(data)) {
            return new AuditLog(db, Clock.systemUTC()).recent(50);
        }
    }

    private static Run pair(String... args) {
        CommandLine commandLine = CliErrors.configure(new CommandLine(new PairCommand()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        assertThat(err.toString()).doesNotContain("\tat ").doesNotContain("Exception");
        return new Run(exitCode, out.toString(), err.toString());
    }
}
