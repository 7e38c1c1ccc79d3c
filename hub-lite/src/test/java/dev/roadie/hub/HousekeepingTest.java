package dev.roadie.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.hub.config.ConfigLoader;
import dev.roadie.hub.config.HubConfig;
import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.ManualClock;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.registry.ServiceEntry;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
import dev.roadie.model.wire.Announce;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leases run out and durable messages expire on the hub's own schedule, with no socket open at
 * all: nothing of it waits for a client's heartbeat. The hub runs on a clock the test moves, so
 * that a day of time to live passes at once.
 */
class HousekeepingTest {
    private static final ServiceId AMS_3 = ServiceId.parse("audio-node/ams-3");

    @TempDir
    Path data;
    private final ManualClock clock = new ManualClock(Instant.now());

    @Test
    void a_durable_message_older_than_its_time_to_live_is_dropped_with_no_socket_open() {
        try (Hub hub = start(Map.of("quotas.durablePerSender", "1"))) {
            Http http = new Http("http://127.0.0.1:" + hub.port());
            hub.context().tokens().create("anna", "desktop", List.of());
            String sender = hub.context().tokens().create("alice", "desktop", List.of("send:desktop")).token();
            String note = "{\"to\":\"service:desktop/anna\",\"subject\":\"note\",\"durable\":true}";
            assertThat(http.post("/api/send", sender, note).status()).as("stored for anna").isEqualTo(202);
            assertThat(http.post("/api/send", sender, note).status()).as("alice's quota of one is used")
                    .isEqualTo(429);

            clock.advance(HubConfig.defaults().sessions().durableTtl().plus(Housekeeping.DURABLE_EXPIRY_INTERVAL));

            // Dropped, the message no longer counts against alice's quota.
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> http.post("/api/send", sender, note).status() == 202);
        }
    }

    @Test
    void a_service_nobody_connects_for_goes_down_and_is_removed_as_its_lease_runs_out_with_no_socket_open() {
        Map<String, String> leases = Map.of("registry.downAfter", "1m", "registry.removeAfter", "5m");
        try (TestHub first = TestHub.start(data, leases)) {
            WireClient node = first.client("ams-3", "audio-node", "announce:audio-node");
            long seq = node.sendNumbered(new Announce(0, "an-1", new ServiceDescriptor("audio-node", "ams-3",
                    "https://ams-3.example.org:2333", List.of("source:youtube"), Map.of(), Map.of()), false));
            node.expectAck(seq);
        }
        // The restarted hub knows ams-3 from its data folder; nobody ever connects to it.
        try (Hub hub = start(leases)) {
            assertThat(stateOf(hub)).contains(ServiceState.UP);

            clock.advance(Duration.ofMinutes(2));
            await().atMost(Duration.ofSeconds(5)).until(() -> stateOf(hub).equals(Optional.of(ServiceState.DOWN)));

            clock.advance(Duration.ofMinutes(5));
            await().atMost(Duration.ofSeconds(5)).until(() -> stateOf(hub).isEmpty());
        }
    }

    @Test
    void a_token_revoked_outside_the_rest_api_has_its_sessions_ended_though_the_hubs_clock_stands_still() {
        try (Hub hub = start(Map.of())) {
            String token = hub.context().tokens().create("anna", "desktop", List.of()).token();
            try (WireClient anna = WireClient.authenticated(hub.port(), token)) {
                // As `roadie token revoke` does: the database changes, no REST call tells the hub.
                hub.context().tokens().revoke("anna");

                assertThat(anna.awaitClose()).isEqualTo(4003);
                assertThat(anna.closeReason()).contains("token revoked");
            }
        }
    }

    private static Optional<ServiceState> stateOf(Hub hub) {
        return hub.context().registry().get(AMS_3).map(ServiceEntry::state);
    }

    /** A hub on the test's clock, with the test hub's settings and these over them. */
    private Hub start(Map<String, String> settings) {
        Map<String, String> overrides = new HashMap<>(Map.of("host", "127.0.0.1", "port", "0",
                "data", data.toString(), "heartbeat.interval", "200ms"));
        overrides.putAll(settings);
        return Hub.start(ConfigLoader.load(null, data, Map.of(), overrides), clock);
    }
}
