package dev.roadie.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.RedisServer;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.registry.NodeStats;
import dev.roadie.model.registry.RegistryEvent;
import dev.roadie.model.registry.RegistryEvent.Change;
import dev.roadie.model.registry.RegistrySnapshot;
import dev.roadie.model.registry.RegistryStats;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
import dev.roadie.model.wire.Announce;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Numbered;
import dev.roadie.model.wire.Stats;
import dev.roadie.model.wire.Subscribe;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The registry across hubs: what is announced on one hub is listed, snapshotted and told on the others. */
class RegistryAcrossHubsTest {
    static final Map<String, String> SETTINGS = Map.of("heartbeat.interval", "100ms", "registry.downAfter", "2s",
            "registry.removeAfter", "4s", "registry.publishInterval", "200ms");
    static final ServiceId EU_1 = new ServiceId("audio-node", "eu-1");

    @TempDir
    Path folder;

    @Test
    void an_announce_on_one_hub_reaches_a_registry_subscriber_on_another_its_listing_and_later_snapshots()
            throws Exception {
        try (RedisServer redis = RedisServer.started();
                ClusterHubs cluster = new ClusterHubs(folder, redis.uri(), SETTINGS)) {
            TestHub a = cluster.start();
            TestHub b = cluster.start();
            WireClient watcher = watcher(b, "ops");

            WireClient node = a.client("eu-1", "audio-node", "announce:audio-node");
            done(node, new Announce(0, "an-1", descriptor("eu-1")));

            RegistryEvent added = eventOf(watcher.expect(Message.class, m -> isEvent(m, Change.added)));
            assertThat(added.entry().id()).isEqualTo(EU_1);
            assertThat(added.entry().service().secrets()).as("secrets kept from a subscriber without the scope")
                    .isNullOrEmpty();
            JsonNode listed = Http.to(b).get("/api/services", b.adminToken()).json();
            assertThat(listed.findValuesAsString("name")).contains("eu-1");
            assertThat(Http.to(b).get("/api/services/audio-node/eu-1", b.adminToken()).status()).isEqualTo(200);

            WireClient later = watcher(b, "later");
            Message snapshot = later.expect(Message.class, m -> RegistrySnapshot.SUBJECT.equals(m.subject()));
            assertThat(FrameCodec.DEFAULT.fromTree(snapshot.body(), RegistrySnapshot.class).entries())
                    .extracting(e -> e.id()).contains(EU_1);

            // A hub that joins later learns what is there already.
            TestHub c = cluster.start();
            assertThat(Http.to(c).get("/api/services", c.adminToken()).json().findValuesAsString("name"))
                    .contains("eu-1");
        }
    }

    @Test
    void stats_sent_on_one_hub_reach_a_subscriber_on_another_coalesced_per_interval() throws Exception {
        try (RedisServer redis = RedisServer.started();
                ClusterHubs cluster = new ClusterHubs(folder, redis.uri(), SETTINGS)) {
            TestHub a = cluster.start();
            TestHub b = cluster.start();
            WireClient watcher = watcher(b, "ops");
            WireClient node = a.client("eu-1", "audio-node", "announce:audio-node");
            done(node, new Announce(0, "an-1", descriptor("eu-1")));
            watcher.expect(Message.class, m -> isEvent(m, Change.added));
            watcher.sync();
            int before = watcher.received().size();
            long started = System.nanoTime();

            long last = 0;
            for (int i = 1; i <= 300; i++) {
                last = node.sendNumbered(new Stats(0, "st-" + i, EU_1, stats(i)));
            }
            node.expectAck(last);
            RegistryStats.Update latest = new RegistryStats.Update(EU_1, stats(300));
            await("the latest stats on the other hub").atMost(Duration.ofSeconds(10))
                    .until(() -> messagesSince(watcher, before).stream()
                            .anyMatch(m -> isStats(m) && updatesOf(m).contains(latest)));
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            List<Message> sent = messagesSince(watcher, before);
            assertThat(sent).as("no whole entries for stats").allMatch(RegistryAcrossHubsTest::isStats);
            // One update per interval (200 ms) on each hub's side, and the last.
            assertThat(sent).hasSizeLessThanOrEqualTo((int) (2 * (elapsedMs / 200) + 3));
            assertThat(updatesOf(sent.getLast())).containsExactly(latest);
        }
    }

    @Test
    void a_service_of_a_killed_hub_goes_down_on_the_others_by_its_lease_not_at_once() throws Exception {
        try (RedisServer redis = RedisServer.started();
                ClusterHubs cluster = new ClusterHubs(folder, redis.uri(), SETTINGS)) {
            TestHub b = cluster.start();
            Process a = startHubProcess(folder.resolve("a"), redis.uri(), cluster.name());
            try {
                String[] ready = HubProcess.readReady(a);
                WireClient node = b.track(WireClient.authenticated(Integer.parseInt(ready[1]), ready[2]));
                done(node, new Announce(0, "an-1", descriptor("there")));
                ServiceId there = new ServiceId("audio-node", "there");
                await("the other hub listing it").atMost(Duration.ofSeconds(10)).until(() -> Http.to(b)
                        .get("/api/services/audio-node/there", b.adminToken()).status() == 200);
                WireClient watcher = watcher(b, "ops");
                Message snapshot = watcher.expect(Message.class, m -> RegistrySnapshot.SUBJECT.equals(m.subject())
                        && FrameCodec.DEFAULT.fromTree(m.body(), RegistrySnapshot.class).entries().stream()
                                .anyMatch(e -> e.id().equals(there)));
                assertThat(snapshot).isNotNull();
                ClusterHubs.awaitSeen(b, dev.roadie.model.wire.Address.everyOf("audio-node"), 1);

                long killedAt = System.nanoTime();
                a.destroyForcibly();
                ClusterHubs.awaitSeen(b, dev.roadie.model.wire.Address.everyOf("audio-node"), 0);
                long droppedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
                assertThat(Http.to(b).get("/api/services/audio-node/there", b.adminToken()).json().get("state")
                        .asString()).as("still up when its hub's presence lapsed").isEqualTo("up");

                RegistryEvent down = eventOf(watcher.expect(Message.class, m -> isEvent(m, Change.changed)
                        && eventOf(m).entry().state() == ServiceState.DOWN));
                long downMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
                assertThat(down.entry().id()).isEqualTo(there);
                // registry.downAfter is 2 s after the hub was last alive (cluster.lease 1 s before its presence lapsed).
                assertThat(downMs).as("ms from SIGKILL to down").isBetween(1500L, 5000L);
                RegistryEvent removed = eventOf(watcher.expect(Message.class, m -> isEvent(m, Change.removed)));
                assertThat(removed.entry().id()).isEqualTo(there);
                System.out.println("Service of a killed hub: presence dropped after " + droppedMs + " ms, down after "
                        + downMs + " ms (cluster.lease 1s, registry.downAfter 2s)");
            } finally {
                a.destroyForcibly();
                a.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void a_state_change_or_stats_made_on_a_hub_that_does_not_hold_the_service_is_made_by_the_hub_that_does()
            throws Exception {
        try (RedisServer redis = RedisServer.started();
                ClusterHubs cluster = new ClusterHubs(folder, redis.uri(), SETTINGS)) {
            TestHub b = cluster.start();
            Process a = startHubProcess(folder.resolve("a"), redis.uri(), cluster.name());
            try {
                String[] ready = HubProcess.readReady(a);
                Http onA = new Http("http://127.0.0.1:" + ready[1]);
                WireClient node = b.track(WireClient.authenticated(Integer.parseInt(ready[1]), ready[2]));
                done(node, new Announce(0, "an-1", descriptor("there")));
                ServiceId there = new ServiceId("audio-node", "there");
                // b's admin token reaches hub a by the token sync; a's registry is what a itself answers.
                await("hub a knowing b's admin token and b listing the service").atMost(Duration.ofSeconds(10))
                        .until(() -> onA.get("/api/services/audio-node/there", b.adminToken()).status() == 200
                                && Http.to(b).get("/api/services/audio-node/there", b.adminToken()).status() == 200);

                Http.Response drained = Http.to(b).post("/api/services/audio-node/there/state", b.adminToken(),
                        "{\"state\":\"draining\"}");
                assertThat(drained.status()).as(drained.body()).isEqualTo(200);
                assertThat(drained.json().get("state").asString()).isEqualTo("draining");
                assertThat(onA.get("/api/services/audio-node/there", b.adminToken()).json().get("state").asString())
                        .as("made on the hub that holds it, at once").isEqualTo("draining");

                WireClient admin = b.client("ops", "desktop", "admin");
                done(admin, new dev.roadie.model.wire.StateChange(0, "sc-1", there, ServiceState.RETIRED));
                done(admin, new Stats(0, "st-1", there, stats(7)));
                await("the socket's state change and stats made on hub a").atMost(Duration.ofSeconds(10))
                        .until(() -> {
                            JsonNode entry = onA.get("/api/services/audio-node/there", b.adminToken()).json();
                            return entry.get("state").asString().equals("retired")
                                    && entry.path("stats").path("playingPlayers").asInt() == 7;
                        });
                admin.sync();
                assertThat(admin.received()).noneMatch(dev.roadie.model.wire.ErrorFrame.class::isInstance);

                WireClient stranger = b.client("other", "audio-node", "announce:audio-node");
                stranger.sendNumbered(new dev.roadie.model.wire.StateChange(0, "sc-2", there, ServiceState.UP));
                assertThat(stranger.expectError().code()).isEqualTo(dev.roadie.model.wire.ErrorCode.FORBIDDEN);
                assertThat(Http.to(b).post("/api/services/audio-node/nowhere/state", b.adminToken(),
                        "{\"state\":\"draining\"}").status()).isEqualTo(404);

                a.destroyForcibly();
                a.waitFor(10, TimeUnit.SECONDS);
                Http.Response refused = Http.to(b).post("/api/services/audio-node/there/state", b.adminToken(),
                        "{\"state\":\"up\"}");
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.json().get("code").asString()).isEqualTo("upstream-failed");
                assertThat(refused.json().get("message").asString()).contains("is gone", "nothing was changed");
            } finally {
                a.destroyForcibly();
                a.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void the_leader_alone_decides_when_a_killed_hubs_service_goes_down_and_every_other_hub_follows() throws Exception {
        try (RedisServer redis = RedisServer.started();
                ClusterHubs cluster = new ClusterHubs(folder, redis.uri(), SETTINGS)) {
            TestHub b = cluster.start();
            TestHub c = cluster.start();
            Process a = startHubProcess(folder.resolve("a"), redis.uri(), cluster.name());
            io.lettuce.core.RedisClient spy = io.lettuce.core.RedisClient.create(redis.uri());
            try (var listener = spy.connectPubSub()) {
                java.util.Queue<String> published = new java.util.concurrent.ConcurrentLinkedQueue<>();
                listener.addListener(new io.lettuce.core.pubsub.RedisPubSubAdapter<>() {
                    @Override
                    public void message(String channel, String text) {
                        published.add(text);
                    }
                });
                listener.sync().subscribe(cluster.name() + ":registry");
                String[] ready = HubProcess.readReady(a);
                WireClient node = b.track(WireClient.authenticated(Integer.parseInt(ready[1]), ready[2]));
                done(node, new Announce(0, "an-1", descriptor("there")));
                ServiceId there = new ServiceId("audio-node", "there");
                ClusterHubs.awaitSeen(b, dev.roadie.model.wire.Address.everyOf("audio-node"), 1);
                ClusterHubs.awaitSeen(c, dev.roadie.model.wire.Address.everyOf("audio-node"), 1);
                WireClient onB = watcher(b, "ops-b");
                WireClient onC = watcher(c, "ops-c");
                onB.expect(Message.class, m -> RegistrySnapshot.SUBJECT.equals(m.subject()));
                onC.expect(Message.class, m -> RegistrySnapshot.SUBJECT.equals(m.subject()));

                a.destroyForcibly();
                for (WireClient watcher : List.of(onB, onC)) {
                    assertThat(eventOf(watcher.expect(Message.class, m -> isEvent(m, Change.changed)
                            && eventOf(m).entry().state() == ServiceState.DOWN)).entry().id()).isEqualTo(there);
                    assertThat(eventOf(watcher.expect(Message.class, m -> isEvent(m, Change.removed))).entry().id())
                            .isEqualTo(there);
                }
                String leader = b.hub().cluster().orElseThrow().leader().orElseThrow();
                assertThat(leader).isIn(b.hub().epoch(), c.hub().epoch());
                // One decision each, published by the leader under the id of the hub that died. The
                // leader's own subscribers hear a decision before Redis hands it to this listener.
                java.util.function.Supplier<List<String>> decided = () -> published.stream()
                        .filter(text -> text.split("\n", 3)[1].equals("l")).toList();
                await().atMost(Duration.ofSeconds(10)).until(() -> decided.get().size() >= 2);
                List<String> decisions = decided.get();
                assertThat(decisions).hasSize(2);
                assertThat(decisions).allMatch(text -> text.split("\n")[2].equals(leader));
                assertThat(decisions.get(0)).contains("\"down\"");
                assertThat(decisions.get(1)).contains("\"removed\"");
                for (WireClient watcher : List.of(onB, onC)) {
                    watcher.sync();
                    assertThat(messagesSince(watcher, 0)).as("told once: no second down nor removal")
                            .noneMatch(m -> isEvent(m, Change.removed) || isEvent(m, Change.changed)
                                    && eventOf(m).entry().state() == ServiceState.DOWN);
                }
            } finally {
                spy.shutdown();
                a.destroyForcibly();
                a.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void a_hub_cut_off_from_redis_still_takes_announces_and_lists_them() {
        try (RedisServer redis = RedisServer.started();
                ClusterHubs cluster = new ClusterHubs(folder, redis.uri(), SETTINGS)) {
            TestHub a = cluster.start();
            WireClient watcher = watcher(a, "ops");
            redis.kill();
            await("the hub seeing Redis gone").atMost(Duration.ofSeconds(10))
                    .until(() -> a.hub().cluster().orElseThrow().problem().isPresent());

            WireClient node = a.client("eu-1", "audio-node", "announce:audio-node");
            done(node, new Announce(0, "an-1", descriptor("eu-1")));

            assertThat(eventOf(watcher.expect(Message.class, m -> isEvent(m, Change.added))).entry().id())
                    .isEqualTo(EU_1);
            assertThat(node.received()).noneMatch(dev.roadie.model.wire.ErrorFrame.class::isInstance);
            assertThat(Http.to(a).get("/api/services/audio-node/eu-1", a.adminToken()).status()).isEqualTo(200);
        }
    }

    @Test
    void a_change_published_while_a_hub_was_cut_off_reaches_it_when_it_is_back_without_another_change()
            throws Exception {
        try (RedisServer redis = RedisServer.started(); FreezableProxy proxy = new FreezableProxy(redis.port());
                ClusterHubs cluster = new ClusterHubs(folder, redis.uri(), SETTINGS)) {
            TestHub a = cluster.start();
            Map<String, String> throughProxy = new java.util.HashMap<>(SETTINGS);
            throughProxy.putAll(Map.of("cluster.redis", "redis://127.0.0.1:" + proxy.port(),
                    "cluster.name", cluster.name(), "cluster.lease", "1s"));
            try (TestHub cutOff = TestHub.start(folder.resolve("cut-off"), throughProxy)) {
                WireClient watcher = watcher(cutOff, "ops");
                WireClient node = a.client("eu-1", "audio-node", "announce:audio-node");
                done(node, new Announce(0, "an-1", descriptor("eu-1")));
                watcher.expect(Message.class, m -> isEvent(m, Change.added));

                proxy.cut();
                await("the hub behind the proxy seeing Redis gone").atMost(Duration.ofSeconds(10))
                        .until(() -> cutOff.hub().cluster().orElseThrow().problem().isPresent());
                Http.Response drained = Http.to(a).post("/api/services/audio-node/eu-1/state", a.adminToken(),
                        "{\"state\":\"draining\"}");
                assertThat(drained.status()).as(drained.body()).isEqualTo(200);
                proxy.restore();

                await("the hub back with the change it missed").atMost(Duration.ofSeconds(10))
                        .until(() -> Http.to(cutOff).get("/api/services/audio-node/eu-1", cutOff.adminToken()).json()
                                .get("state").asString().equals("draining"));
                RegistryEvent told = eventOf(watcher.expect(Message.class, m -> isEvent(m, Change.changed)));
                assertThat(told.entry().id()).isEqualTo(EU_1);
                assertThat(told.entry().state()).as("its subscribers told as if they had heard it")
                        .isEqualTo(ServiceState.DRAINING);
            }
        }
    }

    @Test
    void a_service_that_moved_hubs_stays_up_on_a_third_when_the_hub_it_left_lets_its_old_entry_go()
            throws Exception {
        try (RedisServer redis = RedisServer.started();
                ClusterHubs cluster = new ClusterHubs(folder, redis.uri(), SETTINGS)) {
            TestHub a = cluster.start();
            TestHub b = cluster.start();
            TestHub c = cluster.start();
            WireClient watcher = watcher(c, "ops");
            WireClient onA = a.client("eu-1", "audio-node", "announce:audio-node");
            done(onA, new Announce(0, "an-1", descriptor("eu-1")));
            watcher.expect(Message.class, m -> isEvent(m, Change.added));

            onA.close();
            WireClient onB = b.client("eu-1", "audio-node", "announce:audio-node");
            done(onB, new Announce(0, "an-1", descriptor("eu-1")));
            // A lets its entry go by its lease: down, then removed, each published to the others.
            await("hub A removing the entry it held").atMost(Duration.ofSeconds(20))
                    .until(() -> a.hub().context().registry().list().stream().noneMatch(e -> e.id().equals(EU_1)));
            watcher.sync();

            JsonNode there = Http.to(c).get("/api/services/audio-node/eu-1", c.adminToken()).json();
            assertThat(there.get("state").asString()).isEqualTo("up");
            List<RegistryEvent> told = messagesSince(watcher, 0).stream()
                    .filter(m -> RegistryEvent.SUBJECT.equals(m.subject())).map(RegistryAcrossHubsTest::eventOf)
                    .filter(event -> event.entry().id().equals(EU_1)).toList();
            assertThat(told.getLast().change()).as("the last event C's subscriber got").isNotEqualTo(Change.removed);
            assertThat(told.getLast().entry().state()).isEqualTo(ServiceState.UP);
        }
    }

    static ServiceDescriptor descriptor(String name) {
        return new ServiceDescriptor("audio-node", name, "https://" + name + ".example.org:2333", List.of("source:youtube"),
                Map.of("region", "eu"), Map.of("password", "youshallnotpass"));
    }

    static NodeStats stats(int playing) {
        return new NodeStats(playing + 1, playing, 123_456, new NodeStats.Memory(1, 2, 3, 4),
                new NodeStats.Cpu(4, 0.5, 0.25), null);
    }

    static WireClient watcher(TestHub hub, String name) {
        WireClient watcher = hub.client(name, "desktop", "registry");
        done(watcher, new Subscribe(0, "sub-registry", RegistryEvent.TOPIC));
        return watcher;
    }

    static void done(WireClient client, Numbered frame) {
        client.expectAck(client.sendNumbered(frame));
    }

    static boolean isEvent(Message message, Change change) {
        return RegistryEvent.SUBJECT.equals(message.subject()) && eventOf(message).change() == change;
    }

    static RegistryEvent eventOf(Message message) {
        return FrameCodec.DEFAULT.fromTree(message.body(), RegistryEvent.class);
    }

    static List<Message> messagesSince(WireClient watcher, int skip) {
        return watcher.received().stream().skip(skip).filter(Message.class::isInstance).map(Message.class::cast)
                .toList();
    }

    static boolean isStats(Message message) {
        return RegistryStats.SUBJECT.equals(message.subject());
    }

    static List<RegistryStats.Update> updatesOf(Message message) {
        return FrameCodec.DEFAULT.fromTree(message.body(), RegistryStats.class).updates();
    }

    private static Process startHubProcess(Path data, String redis, String name) throws IOException {
        return HubProcess.start(data.toString(), redis, name, "there", "audio-node", "1s", "announce:audio-node");
    }

}
