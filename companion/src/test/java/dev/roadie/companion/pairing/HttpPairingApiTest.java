package dev.roadie.companion.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.client.testing.LiveHub;
import dev.roadie.hub.testing.Http;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pairing calls against a real hub, approved and denied as the owner does through the REST API. */
class HttpPairingApiTest {
    @TempDir
    Path data;
    LiveHub hub;
    HubAddress address;
    Http owner;
    String admin;
    final HttpPairingApi api = new HttpPairingApi();

    @BeforeEach
    void start() {
        hub = LiveHub.start(data, Map.of("pairing.pollInterval", "1s"));
        address = HubAddress.parse("127.0.0.1:" + hub.port());
        owner = new Http("http://127.0.0.1:" + hub.port());
        admin = hub.token("owner", "admin", "admin");
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void an_approved_device_gets_a_token_the_hub_accepts() throws Exception {
        PairingStart started = api.start(address, "Alice's laptop", "Linux");
        assertThat(started.userCode()).matches("[A-Z]{4}-[A-Z]{4}");
        assertThat(started.verificationUri()).endsWith("/#devices");
        assertThat(api.poll(address, started.deviceCode())).isEqualTo(new PollAnswer.Pending(false));

        assertThat(owner.post("/api/pair/requests/" + started.userCode() + "/approve", admin, "{}").status()).isEqualTo(200);
        PollAnswer answer = api.poll(address, started.deviceCode());

        assertThat(answer).isInstanceOf(PollAnswer.Approved.class);
        String token = ((PollAnswer.Approved) answer).token();
        assertThat(owner.get("/api/services", token).status()).isEqualTo(200);
    }

    @Test
    void a_denied_device_is_told_so() throws Exception {
        PairingStart started = api.start(address, "Mallory's laptop", "Linux");

        owner.post("/api/pair/requests/" + started.userCode() + "/deny", admin, "{}");

        assertThat(api.poll(address, started.deviceCode())).isEqualTo(new PollAnswer.Denied());
    }

    @Test
    void an_unknown_code_is_expired_and_a_hub_that_is_not_there_is_unreachable() throws Exception {
        assertThat(api.poll(address, "no-such-code")).isInstanceOf(PollAnswer.Expired.class);

        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        HubAddress nowhere = HubAddress.parse("127.0.0.1:" + closed);
        assertThatThrownBy(() -> api.start(nowhere, "x", "y")).isInstanceOf(PairingFailedException.class)
                .hasMessage("Cannot reach the hub at http://127.0.0.1:" + closed
                        + ": check the address, and that the hub runs and this computer can reach it");
    }

    @Test
    void a_phone_pairs_as_a_mobile_device() throws Exception {
        PairingStart started = new HttpPairingApi("mobile").start(address, "Carol's phone", "Android 15");

        assertThat(owner.get("/api/pair/requests", admin).body()).contains("\"kind\":\"mobile\"", "Carol's phone");
        assertThat(started.userCode()).matches("[A-Z]{4}-[A-Z]{4}");
    }

    @Test
    void an_invites_code_is_redeemed_once_for_a_token_the_hub_accepts() throws Exception {
        Http.Response invite = owner.post("/api/pair/invites", admin, "{\"kind\": \"mobile\"}");
        assertThat(invite.status()).isEqualTo(201);
        String code = invite.body().replaceAll(".*\"code\":\"([A-Z-]+)\".*", "$1");

        PollAnswer answer = api.redeem(address, code.toLowerCase(java.util.Locale.ROOT), "Carol's phone", "Android 15");

        assertThat(answer).isInstanceOf(PollAnswer.Approved.class);
        assertThat(owner.get("/api/services", ((PollAnswer.Approved) answer).token()).status()).isEqualTo(200);
        assertThat(api.redeem(address, code, "Mallory's phone", "Android 15")).isEqualTo(new PollAnswer.Expired("invalid_grant"));
    }
}
