package dev.roadie.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.registry.NodeStats;
import dev.roadie.model.registry.RegistryEvent;
import dev.roadie.model.registry.RegistryEvent.Change;
import dev.roadie.model.registry.RegistrySnapshot;
import dev.roadie.model.registry.RegistryStats;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.registry.ServiceEntry;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.Announce;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.ErrorFrame;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Numbered;
import dev.roadie.model.wire.Reply;
import dev.roadie.model.wire.ReplyStatus;
import dev.roadie.model.wire.Request;
import dev.roadie.model.wire.StateChange;
import dev.roadie.model.wire.Stats;
import dev.roadie.model.wire.Subscribe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The registry through a real hub: announce, stats and state frames, the events on topic
 * {@code registry}, who may change what, secrets, leases, persistence across a restart and how
 * {@code one:KIND} respects states. Leases run on short settings so that the suite stays fast.
 */
class RegistryTest {
    static final Duration DOWN_AFTER = Duration.ofMillis(300);
    static final Duration REMOVE_AFTER = Duration.ofMillis(900);
    static final Map<String, String> SETTINGS = Map.of(
            "heartbeat.interval", "100ms",
            "registry.downAfter", DOWN_AFTER.toMillis() + "ms",
            "registry.removeAfter", REMOVE_AFTER.toMillis() + "ms",
            // Changes in quick succession wait this long: short, or a lease's events would lag the leases.
            "registry.publishInterval", "50ms");
    static final String PASSWORD = "youshallnotpass";

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

    // ---- helpers ----

    WireClient client(String name, String kind, String... scopes) {
        return hub.client(name, kind, scopes);
    }

    WireClient admin() {
        WireClient client = WireClient.authenticated(hub.port(), hub.adminToken());
        hub.track(client);
        return client;
    }

    /** An audio node that announces itself. */
    WireClient node(String name) {
        return client(name, "audio-node", "announce:audio-node");
    }

    /** A client subscribed to topic registry with scope registry and these others. */
    WireClient watcher(String name, String... moreScopes) {
        List<String> scopes = new ArrayList<>(List.of("registry"));
        scopes.addAll(List.of(moreScopes));
        WireClient watcher = client(name, "desktop", scopes.toArray(String[]::new));
        done(watcher, new Subscribe(0, "sub-registry", RegistryEvent.TOPIC));
        return watcher;
    }

    static ServiceDescriptor lavalink(String name) {
        return new ServiceDescriptor("audio-node", name, "https://" + name + ".example.org:2333",
                List.of("source:youtube", "plugin:lavasrc"), Map.of("region", "eu"), Map.of("password", PASSWORD));
    }

    static ServiceId audioNode(String name) {
        return new ServiceId("audio-node", name);
    }

    /** Sends a numbered frame and waits until the hub processed it (its ack). */
    static void done(WireClient client, Numbered frame) {
        long seq = client.sendNumbered(frame);
        client.expectAck(seq);
    }

    static void announce(WireClient client, ServiceDescriptor descriptor) {
        done(client, new Announce(0, "an-" + descriptor.name(), descriptor));
    }

    static NodeStats stats(int playing) {
        return new NodeStats(playing + 1, playing, 123_456, new NodeStats.Memory(1, 2, 3, 4),
                new NodeStats.Cpu(4, 0.5, 0.25), null);
    }

    static boolean isRegistryEvent(Message message) {
        return RegistryEvent.SUBJECT.equals(message.subject());
    }

    static RegistryEvent eventOf(Message message) {
        return FrameCodec.DEFAULT.fromTree(message.body(), RegistryEvent.class);
    }

    /** Waits for a registry event of this change about audio-node/{@code name}. */
    static RegistryEvent expectEvent(WireClient watcher, Change change, String name) {
        return eventOf(watcher.expect(Message.class, m -> isRegistryEvent(m) && eventOf(m).change() == change
                && eventOf(m).entry().id().equals(audioNode(name))));
    }

    /** Waits for a changed event that shows audio-node/{@code name} in {@code state}. */
    static RegistryEvent expectState(WireClient watcher, String name, ServiceState state) {
        return eventOf(watcher.expect(Message.class, m -> isRegistryEvent(m) && eventOf(m).change() == Change.changed
                && eventOf(m).entry().id().equals(audioNode(name)) && eventOf(m).entry().state() == state));
    }

    /** Registry events about audio-node/{@code name} received and not yet expected, after a sync. */
    static List<RegistryEvent> pendingEvents(WireClient watcher, String name) {
        watcher.sync();
        return watcher.received().stream()
                .filter(Message.class::isInstance).map(Message.class::cast)
                .filter(RegistryTest::isRegistryEvent).map(RegistryTest::eventOf)
                .filter(e -> e.entry().id().equals(audioNode(name)))
                .toList();
    }

    /** The entry of audio-node/{@code name} as an admin reads it over REST; null when unknown. */
    JsonNode entry(String name) {
        Http.Response response = http.get("/api/services/audio-node/" + name, hub.adminToken());
        if (response.status() == 404) {
            return null;
        }
        assertThat(response.status()).as("GET service: %s", response).isEqualTo(200);
        return response.json();
    }

    String stateOf(String name) {
        JsonNode entry = entry(name);
        return entry == null ? "absent" : entry.get("state").asString();
    }

    static Message message(String id, Address to) {
        return new Message(0, id, null, to, "test.hello", null, false);
    }

    // ---- events ----

    @Test
    void an_announce_is_published_to_registry_subscribers_as_added_with_the_whole_entry() {
        WireClient watcher = watcher("ops");
        WireClient agent = client("ams-3-agent", "node-agent", "announce:audio-node");
        Instant before = Instant.now();

        announce(agent, lavalink("ams-3"));

        Message message = watcher.expect(Message.class, RegistryTest::isRegistryEvent);
        assertThat(message.from()).isEqualTo(new ServiceId("hub", "roadie"));
        assertThat(message.to()).isEqualTo(Address.topic("registry"));
        RegistryEvent event = eventOf(message);
        assertThat(event.change()).isEqualTo(Change.added);
        ServiceEntry entry = event.entry();
        assertThat(entry.id()).isEqualTo(audioNode("ams-3"));
        assertThat(entry.state()).isEqualTo(ServiceState.UP);
        // The owner is the announcing connection's KIND/NAME, not the service it announced.
        assertThat(entry.owner()).isEqualTo("node-agent/ams-3-agent");
        assertThat(entry.service().endpoint()).isEqualTo("https://ams-3.example.org:2333");
        assertThat(entry.service().capabilities()).containsExactly("source:youtube", "plugin:lavasrc");
        assertThat(entry.service().labels()).containsExactlyEntriesOf(Map.of("region", "eu"));
        assertThat(entry.stats()).isNull();
        assertThat(entry.announcedAt()).isAfterOrEqualTo(before.minusMillis(5)).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void announcing_again_is_published_as_changed_with_the_new_descriptor_and_the_first_announce_time() {
        WireClient watcher = watcher("ops");
        WireClient node = node("ams-3");
        announce(node, lavalink("ams-3"));
        RegistryEvent added = expectEvent(watcher, Change.added, "ams-3");

        announce(node, new ServiceDescriptor("audio-node", "ams-3", "https://ams-3b.example.org:2333",
                List.of("source:deezer"), Map.of("region", "eu-west"), Map.of()));

        RegistryEvent changed = expectEvent(watcher, Change.changed, "ams-3");
        assertThat(changed.entry().state()).isEqualTo(ServiceState.UP);
        assertThat(changed.entry().service().endpoint()).isEqualTo("https://ams-3b.example.org:2333");
        assertThat(changed.entry().service().capabilities()).containsExactly("source:deezer");
        assertThat(changed.entry().service().labels()).containsExactlyEntriesOf(Map.of("region", "eu-west"));
        assertThat(changed.entry().announcedAt()).isEqualTo(added.entry().announcedAt());
    }

    @Test
    void stats_from_the_announcing_connection_are_published_as_a_stats_update_with_only_the_id_and_stats() {
        WireClient watcher = watcher("ops");
        WireClient node = node("ams-3");
        announce(node, lavalink("ams-3"));
        expectEvent(watcher, Change.added, "ams-3");

        done(node, new Stats(0, "st-1", audioNode("ams-3"), stats(2)));

        Message message = watcher.expect(Message.class, m -> RegistryStats.SUBJECT.equals(m.subject()));
        assertThat(message.to()).isEqualTo(Address.topic("registry"));
        RegistryStats published = FrameCodec.DEFAULT.fromTree(message.body(), RegistryStats.class);
        assertThat(published.updates()).containsExactly(new RegistryStats.Update(audioNode("ams-3"), stats(2)));
        assertThat(message.body().toString()).doesNotContain(PASSWORD).doesNotContain("endpoint");
        assertThat(pendingEvents(watcher, "ams-3")).as("no whole entry for new stats").isEmpty();
        assertThat(entry("ams-3").get("stats").get("playingPlayers").asInt()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(value = ServiceState.class, names = {"DRAINING", "RETIRED"})
    void a_state_frame_from_the_announcing_connection_is_published_as_changed_with_that_state(ServiceState state) {
        WireClient watcher = watcher("ops");
        WireClient node = node("ams-3");
        announce(node, lavalink("ams-3"));
        expectEvent(watcher, Change.added, "ams-3");

        done(node, new StateChange(0, "x-1", audioNode("ams-3"), state));

        RegistryEvent changed = expectEvent(watcher, Change.changed, "ams-3");
        assertThat(changed.entry().state()).isEqualTo(state);
        assertThat(stateOf("ams-3")).isEqualTo(state.wire());
    }

    // ---- who may change what ----

    @Test
    void stats_for_a_service_another_connection_announced_are_forbidden() {
        WireClient owner = node("ams-3");
        announce(owner, lavalink("ams-3"));
        WireClient other = node("fra-1");

        done(other, new Stats(0, "st-x", audioNode("ams-3"), stats(7)));

        ErrorFrame error = other.expect(ErrorFrame.class, e -> "st-x".equals(e.re()));
        assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(entry("ams-3").has("stats")).as("stats were not applied").isFalse();
    }

    @Test
    void a_state_frame_for_a_service_another_connection_announced_is_forbidden() {
        WireClient owner = node("ams-3");
        announce(owner, lavalink("ams-3"));
        WireClient other = node("fra-1");

        done(other, new StateChange(0, "x-x", audioNode("ams-3"), ServiceState.RETIRED));

        ErrorFrame error = other.expect(ErrorFrame.class, e -> "x-x".equals(e.re()));
        assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(stateOf("ams-3")).isEqualTo("up");
    }

    @Test
    void a_connection_whose_service_an_admin_took_over_may_no_longer_change_it() {
        WireClient first = client("agent-1", "node-agent", "announce:audio-node");
        announce(first, lavalink("ams-3"));
        WireClient second = admin();
        done(second, new Announce(0, "an-take", lavalink("ams-3"), true));

        done(first, new StateChange(0, "x-old", audioNode("ams-3"), ServiceState.DRAINING));

        assertThat(first.expect(ErrorFrame.class, e -> "x-old".equals(e.re())).code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(stateOf("ams-3")).isEqualTo("up");
    }

    @Test
    void an_admin_may_change_the_state_of_a_service_it_did_not_announce() {
        WireClient watcher = watcher("ops");
        WireClient node = node("ams-3");
        announce(node, lavalink("ams-3"));
        WireClient admin = admin();

        done(admin, new StateChange(0, "x-admin", audioNode("ams-3"), ServiceState.DRAINING));

        assertThat(expectState(watcher, "ams-3", ServiceState.DRAINING).entry().state())
                .isEqualTo(ServiceState.DRAINING);
        admin.sync();
        assertThat(admin.received()).noneMatch(ErrorFrame.class::isInstance);
    }

    @Test
    void an_admin_may_send_stats_for_a_service_it_did_not_announce() {
        WireClient node = node("ams-3");
        announce(node, lavalink("ams-3"));
        WireClient admin = admin();

        done(admin, new Stats(0, "st-admin", audioNode("ams-3"), stats(5)));

        assertThat(entry("ams-3").get("stats").get("playingPlayers").asInt()).isEqualTo(5);
    }

    @Test
    void stats_for_an_unknown_service_are_not_found() {
        WireClient node = node("ams-3");

        done(node, new Stats(0, "st-ghost", audioNode("ghost"), stats(1)));

        ErrorFrame error = node.expect(ErrorFrame.class, e -> "st-ghost".equals(e.re()));
        assertThat(error.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(error.message()).contains("audio-node/ghost");
    }

    @Test
    void a_state_frame_for_an_unknown_service_is_not_found() {
        WireClient admin = admin();

        done(admin, new StateChange(0, "x-ghost", audioNode("ghost"), ServiceState.DRAINING));

        assertThat(admin.expect(ErrorFrame.class, e -> "x-ghost".equals(e.re())).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(entry("ghost")).isNull();
    }

    @Test
    void announcing_a_kind_the_token_may_not_announce_is_forbidden_and_names_the_scope() {
        WireClient watcher = watcher("ops");
        WireClient bot = client("eu-1", "music-bot", "announce:music-bot");

        done(bot, new Announce(0, "an-x", lavalink("ams-3")));

        ErrorFrame error = bot.expect(ErrorFrame.class, e -> "an-x".equals(e.re()));
        assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(error.message()).contains("announce:audio-node");
        assertThat(entry("ams-3")).isNull();
        assertThat(pendingEvents(watcher, "ams-3")).isEmpty();
    }

    // ---- secrets ----

    @Test
    void a_subscriber_with_the_secrets_scope_gets_the_lavalink_password_in_the_event() {
        WireClient bot = watcher("eu-1", "secrets:audio-node");
        WireClient node = node("ams-3");

        announce(node, lavalink("ams-3"));

        RegistryEvent event = expectEvent(bot, Change.added, "ams-3");
        assertThat(event.entry().service().secrets()).containsExactlyEntriesOf(Map.of("password", PASSWORD));
    }

    @Test
    void a_subscriber_without_the_secrets_scope_gets_the_same_event_without_secrets() {
        WireClient withSecrets = watcher("eu-1", "secrets:audio-node");
        WireClient without = watcher("alice");
        WireClient node = node("ams-3");

        announce(node, lavalink("ams-3"));

        RegistryEvent full = expectEvent(withSecrets, Change.added, "ams-3");
        Message redacted = without.expect(Message.class, RegistryTest::isRegistryEvent);
        assertThat(redacted.body().toString()).doesNotContain(PASSWORD).doesNotContain("secrets");
        assertThat(eventOf(redacted)).isEqualTo(new RegistryEvent(Change.added, full.entry().withoutSecrets()));
    }

    // ---- the topic is the hub's ----

    @Test
    void a_client_with_publish_on_every_topic_cannot_publish_on_the_registry_topic() {
        WireClient watcher = watcher("ops");
        WireClient publisher = client("eu-1", "music-bot", "publish:*");

        done(publisher, new Message(0, "fake-1", null, Address.topic("registry"), RegistryEvent.SUBJECT,
                FrameCodec.DEFAULT.mapper().readTree("{\"change\":\"removed\"}"), false));

        assertThat(publisher.expect(ErrorFrame.class, e -> "fake-1".equals(e.re())).code())
                .isEqualTo(ErrorCode.FORBIDDEN);
        watcher.sync();
        // Only the hub's own snapshot, sent when the watcher subscribed, is there.
        assertThat(watcher.received()).noneMatch(f -> f instanceof Message m
                && !RegistrySnapshot.SUBJECT.equals(m.subject()));
    }

    @Test
    void not_even_an_admin_can_publish_on_the_registry_topic() {
        WireClient watcher = watcher("ops");
        WireClient admin = admin();

        done(admin, new Message(0, "fake-2", null, Address.topic("registry"), RegistryEvent.SUBJECT, null, false));

        assertThat(admin.expect(ErrorFrame.class, e -> "fake-2".equals(e.re())).code()).isEqualTo(ErrorCode.FORBIDDEN);
        watcher.sync();
        // Only the hub's own snapshot, sent when the watcher subscribed, is there.
        assertThat(watcher.received()).noneMatch(f -> f instanceof Message m
                && !RegistrySnapshot.SUBJECT.equals(m.subject()));
    }

    // ---- leases ----

    @Test
    void a_service_whose_connection_closed_goes_down_once_down_after_has_passed() {
        WireClient watcher = watcher("ops");
        WireClient node = node("ams-3");
        announce(node, lavalink("ams-3"));
        expectEvent(watcher, Change.added, "ams-3");

        node.close();

        RegistryEvent down = expectState(watcher, "ams-3", ServiceState.DOWN);
        Instant seenDown = Instant.now();
        assertThat(Duration.between(down.entry().lastSeen(), seenDown)).isGreaterThanOrEqualTo(DOWN_AFTER);
        assertThat(stateOf("ams-3")).isEqualTo("down");
    }

    @Test
    void a_service_that_went_down_is_removed_once_remove_after_has_passed() {
        WireClient watcher = watcher("ops");
        WireClient node = node("ams-3");
        announce(node, lavalink("ams-3"));
        node.close();
        expectState(watcher, "ams-3", ServiceState.DOWN);

        RegistryEvent removed = expectEvent(watcher, Change.removed, "ams-3");

        assertThat(Duration.between(removed.entry().lastSeen(), Instant.now())).isGreaterThanOrEqualTo(REMOVE_AFTER);
        assertThat(removed.entry().state()).isEqualTo(ServiceState.DOWN);
        assertThat(entry("ams-3")).isNull();
    }

    @Test
    void a_connected_service_that_is_heard_from_stays_up_past_down_after() {
        WireClient watcher = watcher("ops");
        WireClient node = node("ams-3");
        announce(node, lavalink("ams-3"));
        Instant announced = Instant.parse(entry("ams-3").get("lastSeen").asString());

        // Its only traffic is answering the hub's pings, which is enough to be heard from.
        await().during(DOWN_AFTER.multipliedBy(3)).atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> stateOf("ams-3"), "up"::equals);

        assertThat(pendingEvents(watcher, "ams-3")).noneMatch(e -> e.entry().state() == ServiceState.DOWN);
        assertThat(Instant.parse(entry("ams-3").get("lastSeen").asString())).as("the lease was renewed")
                .isAfter(announced);
    }

    @Test
    void a_retired_service_whose_connection_closed_stays_retired_until_it_is_removed() {
        WireClient watcher = watcher("ops");
        WireClient node = node("ams-3");
        announce(node, lavalink("ams-3"));
        expectEvent(watcher, Change.added, "ams-3");
        done(node, new StateChange(0, "x-ret", audioNode("ams-3"), ServiceState.RETIRED));
        expectState(watcher, "ams-3", ServiceState.RETIRED);

        node.close();

        RegistryEvent removed = expectEvent(watcher, Change.removed, "ams-3");
        assertThat(removed.entry().state()).isEqualTo(ServiceState.RETIRED);
        assertThat(Duration.between(removed.entry().lastSeen(), Instant.now())).isGreaterThanOrEqualTo(REMOVE_AFTER);
        assertThat(pendingEvents(watcher, "ams-3")).as("no event between retired and removed").isEmpty();
    }

    // ---- persistence ----

    /** Announces audio-node/ams-3 with its password, then stops the hub. */
    private void announceAndStopHub() {
        WireClient node = node("ams-3");
        announce(node, lavalink("ams-3"));
        node.close();
        hub.close();
    }

    @Test
    void a_restarted_hub_still_lists_an_announced_service_with_its_secrets_for_an_admin() {
        announceAndStopHub();
        Map<String, String> slowLeases = new HashMap<>(SETTINGS);
        slowLeases.put("registry.downAfter", "1m");
        slowLeases.put("registry.removeAfter", "5m");

        startHub(slowLeases);

        Http.Response list = http.get("/api/services", hub.adminToken());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().size()).isEqualTo(1);
        JsonNode entry = list.json().get(0);
        assertThat(entry.get("service").get("name").asString()).isEqualTo("ams-3");
        assertThat(entry.get("service").get("endpoint").asString()).isEqualTo("https://ams-3.example.org:2333");
        assertThat(entry.get("service").get("secrets").get("password").asString()).isEqualTo(PASSWORD);
        assertThat(entry.get("owner").asString()).isEqualTo("audio-node/ams-3");
        assertThat(entry.get("state").asString()).isEqualTo("up");
    }

    @Test
    void after_a_restart_a_service_nobody_announces_again_goes_down_on_a_lease_that_started_at_the_restart() {
        announceAndStopHub();
        Instant beforeRestart = Instant.now();

        startHub(SETTINGS);

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(25))
                .until(() -> stateOf("ams-3"), "down"::equals);
        Instant lastSeen = Instant.parse(entry("ams-3").get("lastSeen").asString());
        assertThat(lastSeen).as("the lease restarted with the hub").isAfterOrEqualTo(beforeRestart);
    }

    @Test
    void after_a_restart_a_service_that_went_down_is_up_again_when_announced_again() {
        WireClient node = node("ams-3");
        announce(node, lavalink("ams-3"));
        String announcedAt = entry("ams-3").get("announcedAt").asString();
        node.close();
        hub.close();
        startHub(SETTINGS);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(25))
                .until(() -> stateOf("ams-3"), "down"::equals);
        WireClient watcher = watcher("ops");
        WireClient back = node("ams-3");

        announce(back, lavalink("ams-3"));

        RegistryEvent event = expectState(watcher, "ams-3", ServiceState.UP);
        assertThat(event.change()).isEqualTo(Change.changed);
        assertThat(event.entry().announcedAt()).isEqualTo(Instant.parse(announcedAt));
        assertThat(stateOf("ams-3")).isEqualTo("up");
    }

    // ---- one:KIND and states ----

    @ParameterizedTest
    @EnumSource(value = ServiceState.class, names = {"DRAINING", "RETIRED"})
    void one_of_a_kind_never_picks_a_node_that_is_not_up_even_when_it_is_the_least_loaded(ServiceState state) {
        WireClient busy = node("busy");
        announce(busy, lavalink("busy"));
        done(busy, new Stats(0, "st-busy", audioNode("busy"), stats(50)));
        WireClient idle = node("idle");
        announce(idle, lavalink("idle"));
        done(idle, new Stats(0, "st-idle", audioNode("idle"), stats(0)));
        done(idle, new StateChange(0, "x-idle", audioNode("idle"), state));
        WireClient bot = client("eu-1", "music-bot", "send:audio-node");

        for (int i = 0; i < 4; i++) {
            done(bot, message("m-" + i, Address.oneOf("audio-node")));
        }

        busy.sync();
        idle.sync();
        assertThat(busy.received().stream().filter(Message.class::isInstance).count()).isEqualTo(4);
        assertThat(idle.received()).noneMatch(Message.class::isInstance);
    }

    @Test
    void one_of_a_kind_finds_no_route_when_every_node_is_draining_or_retired() {
        WireClient draining = node("draining");
        announce(draining, lavalink("draining"));
        done(draining, new StateChange(0, "x-d", audioNode("draining"), ServiceState.DRAINING));
        WireClient retired = node("retired");
        announce(retired, lavalink("retired"));
        done(retired, new StateChange(0, "x-r", audioNode("retired"), ServiceState.RETIRED));
        WireClient bot = client("eu-1", "music-bot", "send:audio-node");

        bot.sendNumbered(new Request(0, "r-1", null, Address.oneOf("audio-node"), "load", null, 2000));

        Reply reply = bot.expect(Reply.class, r -> "r-1".equals(r.re()));
        assertThat(reply.status()).isEqualTo(ReplyStatus.NO_ROUTE);
        draining.sync();
        retired.sync();
        assertThat(draining.received()).noneMatch(Request.class::isInstance);
        assertThat(retired.received()).noneMatch(Request.class::isInstance);
    }
}
