package dev.roadie.hub.registry;

import static dev.roadie.hub.registry.RegistryTest.announce;
import static dev.roadie.hub.registry.RegistryTest.audioNode;
import static dev.roadie.hub.registry.RegistryTest.done;
import static dev.roadie.hub.registry.RegistryTest.lavalink;
import static dev.roadie.hub.registry.RegistryTest.stats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.hub.store.AuditEntry;
import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.Announce;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.ErrorFrame;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Stats;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Who owns a service in the registry: the token identity that announced it, while its lease
 * lives. Another token cannot take it (nor its traffic, nor its stats), the owner can announce
 * it again after a reconnect or a hub restart, a lapsed lease frees it, an admin may take it over
 * explicitly (audited), and a token can be bound to the names it may announce.
 */
class OwnershipTest {
    static final Map<String, String> SETTINGS = Map.of(
            "heartbeat.interval", "100ms",
            "registry.downAfter", "300ms",
            "registry.removeAfter", "5s",
            "registry.maxServicesPerOwner", "2");

    @RegisterExtension
    final HubExtension hub = HubExtension.startedByEachTest();
    Http http;

    @BeforeEach
    void start() {
        startHub(SETTINGS);
    }

    private void startHub(Map<String, String> settings) {
        hub.start(settings);
        http = Http.to(hub);
    }

    WireClient admin() {
        return hub.track(WireClient.authenticated(hub.port(), hub.adminToken()));
    }

    WireClient connect(String token) {
        return hub.track(WireClient.authenticated(hub.port(), token));
    }

    /** The real agent of audio-node/ams-3 and the token it uses, announced. */
    String announceRealAgent() {
        String token = hub.token("ams-3-agent", "node-agent", "announce:audio-node");
        announce(connect(token), lavalink("ams-3"));
        return token;
    }

    static ServiceDescriptor attackersCopy(String name) {
        return new ServiceDescriptor("audio-node", name, "https://evil.example.net:2333", List.of(), Map.of(),
                Map.of("password", "stolen"));
    }

    JsonNode entry(String kind, String name) {
        Http.Response response = http.get("/api/services/" + kind + "/" + name, hub.adminToken());
        return response.status() == 404 ? null : response.json();
    }

    static ErrorFrame refusal(WireClient client, String frameId) {
        return client.expect(ErrorFrame.class, e -> frameId.equals(e.re()));
    }

    @Test
    void another_tokens_announce_of_a_live_service_is_refused_and_the_owners_entry_stays_as_it_was() {
        announceRealAgent();
        WireClient attacker = hub.client("evil", "audio-node", "announce:audio-node");

        done(attacker, new Announce(0, "an-steal", attackersCopy("ams-3")));

        ErrorFrame error = refusal(attacker, "an-steal");
        assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(error.message()).contains("audio-node/ams-3 belongs to node-agent/ams-3-agent")
                .contains("ask an admin to take it over");
        JsonNode entry = entry("audio-node", "ams-3");
        assertThat(entry.get("owner").asString()).isEqualTo("node-agent/ams-3-agent");
        assertThat(entry.get("service").get("endpoint").asString()).isEqualTo("https://ams-3.example.org:2333");
        assertThat(entry.get("service").get("secrets").get("password").asString()).isEqualTo(RegistryTest.PASSWORD);
    }

    @Test
    void after_a_refused_takeover_requests_and_one_of_a_kind_still_reach_the_real_node_and_its_stats_are_accepted() {
        String token = hub.token("ams-3-agent", "node-agent", "announce:audio-node");
        WireClient agent = connect(token);
        announce(agent, lavalink("ams-3"));
        WireClient attacker = hub.client("evil", "audio-node", "announce:audio-node");
        done(attacker, new Announce(0, "an-steal", attackersCopy("ams-3")));
        WireClient bot = hub.client("eu-1", "music-bot", "send:audio-node");

        done(bot, new Message(0, "m-direct", null, Address.service("audio-node", "ams-3"), "test.hello", null, false));
        done(bot, new Message(0, "m-one", null, Address.oneOf("audio-node"), "test.hello", null, false));
        done(agent, new Stats(0, "st-own", audioNode("ams-3"), stats(1)));

        agent.sync();
        attacker.sync();
        assertThat(agent.received()).filteredOn(Message.class::isInstance).hasSize(2);
        assertThat(agent.received()).noneMatch(ErrorFrame.class::isInstance);
        assertThat(attacker.received()).noneMatch(Message.class::isInstance);
    }

    @Test
    void the_owners_service_stays_up_when_a_refused_attacker_leaves() {
        announceRealAgent();
        WireClient attacker = hub.client("evil", "audio-node", "announce:audio-node");
        done(attacker, new Announce(0, "an-steal", attackersCopy("ams-3")));
        refusal(attacker, "an-steal");

        attacker.close();

        // Three down-after periods: the old code marked it down after one.
        await().during(Duration.ofMillis(900)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> entry("audio-node", "ams-3").get("state").asString(), "up"::equals);
    }

    @Test
    void music_bots_cannot_take_each_others_services() {
        WireClient first = hub.client("eu-1", "music-bot", "announce:music-bot");
        done(first, new Announce(0, "an-1", new ServiceDescriptor("music-bot", "eu-1", null, null, null, null)));
        WireClient second = hub.client("eu-2", "music-bot", "announce:music-bot");

        done(second, new Announce(0, "an-2", new ServiceDescriptor("music-bot", "eu-1", "https://eu-2.example.org",
                null, null, null)));

        assertThat(refusal(second, "an-2").code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(entry("music-bot", "eu-1").get("owner").asString()).isEqualTo("music-bot/eu-1");
    }

    @Test
    void the_same_token_announces_its_service_again_after_reconnecting_while_the_lease_runs() {
        String token = hub.token("ams-3-agent", "node-agent", "announce:audio-node");
        WireClient before = connect(token);
        announce(before, lavalink("ams-3"));
        before.close();

        WireClient after = connect(token);
        announce(after, lavalink("ams-3"));

        after.sync();
        assertThat(after.received()).noneMatch(ErrorFrame.class::isInstance);
        assertThat(entry("audio-node", "ams-3").get("state").asString()).isEqualTo("up");
    }

    @Test
    void after_a_hub_restart_only_the_owning_token_may_announce_its_service_again() {
        String token = announceRealAgent();
        String attackerToken = hub.token("evil", "audio-node", "announce:audio-node");
        hub.close();
        // A lease long enough that the restarted hub still holds the service for its owner.
        Map<String, String> longLease = new HashMap<>(SETTINGS);
        longLease.put("registry.downAfter", "1m");
        longLease.put("registry.removeAfter", "5m");
        startHub(longLease);
        WireClient attacker = connect(attackerToken);
        WireClient agent = connect(token);

        done(attacker, new Announce(0, "an-steal", attackersCopy("ams-3")));
        announce(agent, lavalink("ams-3"));

        assertThat(refusal(attacker, "an-steal").code()).isEqualTo(ErrorCode.FORBIDDEN);
        agent.sync();
        assertThat(agent.received()).noneMatch(ErrorFrame.class::isInstance);
        assertThat(entry("audio-node", "ams-3").get("owner").asString()).isEqualTo("node-agent/ams-3-agent");
    }

    @Test
    void another_token_may_announce_a_service_once_its_lease_ran_out() {
        String token = hub.token("ams-3-agent", "node-agent", "announce:audio-node");
        WireClient gone = connect(token);
        announce(gone, lavalink("ams-3"));
        gone.close();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(25))
                .until(() -> entry("audio-node", "ams-3").get("state").asString(), "down"::equals);
        WireClient successor = hub.client("ams-3-new", "node-agent", "announce:audio-node");

        announce(successor, lavalink("ams-3"));

        JsonNode entry = entry("audio-node", "ams-3");
        assertThat(entry.get("owner").asString()).isEqualTo("node-agent/ams-3-new");
        assertThat(entry.get("state").asString()).isEqualTo("up");
    }

    @Test
    void an_admin_takes_over_only_when_it_asks_to_and_the_takeover_is_audited() {
        WireClient agent = connect(hub.token("ams-3-agent", "node-agent", "announce:audio-node"));
        announce(agent, lavalink("ams-3"));
        WireClient admin = admin();

        done(admin, new Announce(0, "an-plain", lavalink("ams-3")));
        assertThat(refusal(admin, "an-plain").code()).as("without takeover").isEqualTo(ErrorCode.FORBIDDEN);
        done(admin, new Announce(0, "an-take", lavalink("ams-3"), true));

        admin.sync();
        assertThat(admin.received()).noneMatch(e -> e instanceof ErrorFrame error && "an-take".equals(error.re()));
        assertThat(entry("audio-node", "ams-3").get("owner").asString()).isEqualTo("admin/admin");
        List<AuditEntry> audit = hub.hub().context().audit().recent(10);
        assertThat(audit).anySatisfy(record -> {
            assertThat(record.action()).isEqualTo("service.takeover");
            assertThat(record.actor()).isEqualTo("socket:admin/admin");
            assertThat(record.detail()).isEqualTo("audio-node/ams-3 from node-agent/ams-3-agent");
        });
        done(agent, new Stats(0, "st-old", audioNode("ams-3"), stats(1)));
        assertThat(refusal(agent, "st-old").code()).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void a_token_that_is_not_admin_asking_for_a_takeover_is_refused() {
        announceRealAgent();
        WireClient other = hub.client("evil", "audio-node", "announce:audio-node");

        done(other, new Announce(0, "an-take", attackersCopy("ams-3"), true));

        ErrorFrame error = refusal(other, "an-take");
        assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(error.message()).contains("only an admin token may take over");
        assertThat(entry("audio-node", "ams-3").get("owner").asString()).isEqualTo("node-agent/ams-3-agent");
    }

    @Test
    void a_token_bound_to_names_announces_only_the_names_it_matches() {
        WireClient agent = hub.client("ams-agent", "node-agent", "announce:audio-node/ams-*");

        announce(agent, lavalink("ams-3"));
        done(agent, new Announce(0, "an-fra", lavalink("fra-1")));

        ErrorFrame error = refusal(agent, "an-fra");
        assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(error.message()).contains("announce:audio-node/fra-1");
        assertThat(entry("audio-node", "ams-3")).isNotNull();
        assertThat(entry("audio-node", "fra-1")).isNull();
    }

    @Test
    void one_identity_cannot_have_more_services_than_the_limit_by_reconnecting() {
        String token = hub.token("agent", "node-agent", "announce:audio-node");
        WireClient first = connect(token);
        announce(first, lavalink("ams-1"));
        announce(first, lavalink("ams-2"));
        first.close();
        WireClient second = connect(token);

        done(second, new Announce(0, "an-3", lavalink("ams-3")));
        announce(second, lavalink("ams-1"));

        ErrorFrame error = refusal(second, "an-3");
        assertThat(error.code()).isEqualTo(ErrorCode.LIMIT_REACHED);
        assertThat(error.message()).contains("registry.maxServicesPerOwner");
        assertThat(entry("audio-node", "ams-3")).isNull();
        second.sync();
        assertThat(second.received()).as("its own services may still be announced again")
                .noneMatch(e -> e instanceof ErrorFrame refused && !"an-3".equals(refused.re()));
    }
}
