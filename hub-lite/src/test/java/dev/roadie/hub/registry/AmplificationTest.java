package dev.roadie.hub.registry;

import static dev.roadie.hub.registry.RegistryTest.announce;
import static dev.roadie.hub.registry.RegistryTest.audioNode;
import static dev.roadie.hub.registry.RegistryTest.done;
import static dev.roadie.hub.registry.RegistryTest.lavalink;
import static dev.roadie.hub.registry.RegistryTest.stats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.registry.RegistryEvent;
import dev.roadie.model.registry.RegistrySnapshot;
import dev.roadie.model.registry.RegistryStats;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.registry.ServiceEntry;
import dev.roadie.model.registry.ServiceState;
import dev.roadie.model.wire.Announce;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.ErrorFrame;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.StateChange;
import dev.roadie.model.wire.Stats;
import dev.roadie.model.wire.Subscribe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What one client can make the hub send every registry subscriber: stats travel as small updates,
 * the latest per service per interval, however many stats frames a service sends; descriptors
 * are bounded; and a new subscriber's snapshot comes in parts of bounded size.
 */
class AmplificationTest {
    static final int PART_BYTES = 4096;

    @RegisterExtension
    final HubExtension hub = HubExtension.with(Map.of(
            // The flood must reach the registry, not the rate limiter.
            "limits.framesPerSecond", "5000",
            "limits.frameBurst", "5000",
            "registry.publishInterval", "200ms",
            "registry.snapshotPartBytes", PART_BYTES + "B"));

    WireClient watcher(String name) {
        WireClient watcher = hub.client(name, "desktop", "registry", "secrets:audio-node");
        done(watcher, new Subscribe(0, "sub", RegistryEvent.TOPIC));
        return watcher;
    }

    static int bytes(Message message) {
        return FrameCodec.DEFAULT.encode(message).getBytes(StandardCharsets.UTF_8).length;
    }

    static boolean isStats(Message message) {
        return RegistryStats.SUBJECT.equals(message.subject());
    }

    @Test
    void nine_hundred_stats_frames_reach_a_subscriber_as_a_few_small_updates_ending_with_the_latest_stats() {
        WireClient watcher = watcher("ops");
        WireClient node = hub.client("ams-3", "audio-node", "announce:audio-node");
        announce(node, lavalink("ams-3"));
        watcher.expect(Message.class, m -> RegistryEvent.SUBJECT.equals(m.subject()));
        watcher.sync();
        int before = watcher.received().size();
        long started = System.nanoTime();

        long last = 0;
        for (int i = 1; i <= 900; i++) {
            last = node.sendNumbered(new Stats(0, "st-" + i, audioNode("ams-3"), stats(i)));
        }
        node.expectAck(last);
        RegistryStats.Update latest = new RegistryStats.Update(audioNode("ams-3"), stats(900));
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesSince(watcher, before).stream()
                .anyMatch(m -> isStats(m) && updatesOf(m).contains(latest)));
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        List<Message> sent = messagesSince(watcher, before);
        assertThat(sent).as("no whole entries for stats").allMatch(AmplificationTest::isStats);
        // At most one update per interval (200 ms) and the one at the end; the old hub sent 900 whole entries.
        assertThat(sent).hasSizeLessThanOrEqualTo((int) (elapsedMs / 200 + 2));
        assertThat(sent).allSatisfy(m -> assertThat(bytes(m)).isLessThan(600));
        assertThat(updatesOf(sent.getLast())).containsExactly(latest);
    }

    /** The messages {@code watcher} received after its first {@code skip} frames. */
    static List<Message> messagesSince(WireClient watcher, int skip) {
        return watcher.received().stream().skip(skip).filter(Message.class::isInstance).map(Message.class::cast)
                .toList();
    }

    static List<RegistryStats.Update> updatesOf(Message message) {
        return FrameCodec.DEFAULT.fromTree(message.body(), RegistryStats.class).updates();
    }

    @Test
    void stats_of_several_services_in_one_interval_reach_a_subscriber_in_one_message() {
        WireClient watcher = watcher("ops");
        WireClient agent = hub.client("agent", "node-agent", "announce:audio-node");
        announce(agent, lavalink("ams-1"));
        announce(agent, lavalink("ams-2"));

        agent.sendNumbered(new Stats(0, "st-1", audioNode("ams-1"), stats(1)));
        done(agent, new Stats(0, "st-2", audioNode("ams-2"), stats(2)));

        Message message = watcher.expect(Message.class, AmplificationTest::isStats);
        assertThat(updatesOf(message)).containsExactly(
                new RegistryStats.Update(audioNode("ams-1"), stats(1)),
                new RegistryStats.Update(audioNode("ams-2"), stats(2)));
    }

    @Test
    void announcing_the_same_descriptor_again_sends_subscribers_nothing() {
        WireClient watcher = watcher("ops");
        WireClient node = hub.client("ams-3", "audio-node", "announce:audio-node");
        announce(node, lavalink("ams-3"));
        watcher.expect(Message.class, m -> RegistryEvent.SUBJECT.equals(m.subject()));

        for (int i = 0; i < 50; i++) {
            node.sendNumbered(new Announce(0, "an-again-" + i, lavalink("ams-3")));
        }
        node.sync();

        watcher.sync();
        assertThat(watcher.received()).noneMatch(f -> f instanceof Message m
                && RegistryEvent.SUBJECT.equals(m.subject()));
        assertThat(node.received()).noneMatch(ErrorFrame.class::isInstance);
    }

    @Test
    void a_hundred_different_announces_reach_a_subscriber_as_a_few_changed_events_ending_with_the_latest() {
        WireClient watcher = watcher("ops");
        WireClient node = hub.client("ams-3", "audio-node", "announce:audio-node");
        announce(node, lavalink("ams-3"));
        watcher.expect(Message.class, m -> RegistryEvent.SUBJECT.equals(m.subject()));
        watcher.sync();
        int before = watcher.received().size();
        long started = System.nanoTime();

        long last = 0;
        for (int i = 1; i <= 100; i++) {
            last = node.sendNumbered(new Announce(0, "an-" + i, new ServiceDescriptor("audio-node", "ams-3",
                    "https://ams-3.example.org:" + (2000 + i), List.of("source:youtube"), Map.of("region", "eu"),
                    Map.of())));
        }
        node.expectAck(last);
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesSince(watcher, before).stream()
                .anyMatch(m -> endpointOf(m).equals("https://ams-3.example.org:2100")));
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        List<Message> sent = messagesSince(watcher, before);
        // The first at once, then at most one per interval (200 ms); the old hub sent all 100.
        assertThat(sent).hasSizeLessThanOrEqualTo((int) (elapsedMs / 200 + 2));
        assertThat(endpointOf(sent.getLast())).isEqualTo("https://ams-3.example.org:2100");
    }

    @Test
    void a_subscriber_sees_every_state_a_service_goes_through_even_in_quick_succession() {
        WireClient watcher = watcher("ops");
        WireClient node = hub.client("ams-3", "audio-node", "announce:audio-node");
        announce(node, lavalink("ams-3"));

        node.sendNumbered(new StateChange(0, "x-1", audioNode("ams-3"), ServiceState.DRAINING));
        done(node, new StateChange(0, "x-2", audioNode("ams-3"), ServiceState.RETIRED));

        RegistryTest.expectState(watcher, "ams-3", ServiceState.RETIRED);
        watcher.sync();
        List<ServiceState> seen = watcher.received().stream().filter(Message.class::isInstance)
                .map(Message.class::cast).filter(m -> RegistryEvent.SUBJECT.equals(m.subject()))
                .map(m -> FrameCodec.DEFAULT.fromTree(m.body(), RegistryEvent.class).entry().state()).toList();
        assertThat(seen).as("before retired").containsExactly(ServiceState.UP, ServiceState.DRAINING);
    }

    static String endpointOf(Message message) {
        return FrameCodec.DEFAULT.fromTree(message.body(), RegistryEvent.class).entry().service().endpoint();
    }

    static Stream<Arguments> fatDescriptors() {
        List<String> manyCapabilities = IntStream.range(0, 65).mapToObj(i -> "source:s" + i).toList();
        Map<String, String> manyLabels = new LinkedHashMap<>();
        IntStream.range(0, 33).forEach(i -> manyLabels.put("l" + i, "v"));
        return Stream.of(
                Arguments.of(descriptor(List.of(), Map.of(), Map.of("blob", "x".repeat(20_000))),
                        "registry.maxDescriptorBytes"),
                Arguments.of(descriptor(manyCapabilities, Map.of(), Map.of()), "registry.maxCapabilities"),
                Arguments.of(descriptor(List.of("c".repeat(129)), Map.of(), Map.of()), "registry.maxCapabilityLength"),
                Arguments.of(descriptor(List.of(), manyLabels, Map.of()), "registry.maxLabels"),
                Arguments.of(descriptor(List.of(), Map.of("region", "e".repeat(257)), Map.of()),
                        "registry.maxLabelLength"),
                Arguments.of(descriptor(List.of(), Map.of("k".repeat(257), "eu"), Map.of()),
                        "registry.maxLabelLength"));
    }

    static ServiceDescriptor descriptor(List<String> capabilities, Map<String, String> labels,
            Map<String, String> secrets) {
        return new ServiceDescriptor("audio-node", "fat", "https://fat.example.org", capabilities, labels, secrets);
    }

    @ParameterizedTest
    @MethodSource("fatDescriptors")
    void a_descriptor_over_a_limit_is_refused_as_too_large_naming_the_setting(ServiceDescriptor fat, String setting) {
        WireClient watcher = watcher("ops");
        WireClient node = hub.client("fat", "audio-node", "announce:audio-node");

        done(node, new Announce(0, "an-fat", fat));

        ErrorFrame error = node.expect(ErrorFrame.class, e -> "an-fat".equals(e.re()));
        assertThat(error.code()).isEqualTo(ErrorCode.TOO_LARGE);
        assertThat(error.message()).contains(setting);
        assertThat(Http.to(hub).get("/api/services/audio-node/fat", hub.adminToken()).status()).isEqualTo(404);
        watcher.sync();
        assertThat(watcher.received()).noneMatch(f -> f instanceof Message m
                && RegistryEvent.SUBJECT.equals(m.subject()));
    }

    @Test
    void a_stored_service_over_the_descriptor_limits_is_dropped_when_the_hub_restarts() {
        hub.close();
        Map<String, String> loose = Map.of("registry.maxDescriptorBytes", "1MiB");
        hub.start(loose);
        WireClient node = hub.client("fat", "audio-node", "announce:audio-node");
        announce(node, descriptor(List.of(), Map.of(), Map.of("blob", "x".repeat(100_000))));
        announce(node, lavalink("slim"));
        hub.close();

        hub.start(Map.of());

        assertThat(Http.to(hub).get("/api/services/audio-node/fat", hub.adminToken()).status()).isEqualTo(404);
        assertThat(Http.to(hub).get("/api/services/audio-node/slim", hub.adminToken()).status()).isEqualTo(200);
    }

    @Test
    void a_new_subscriber_gets_a_big_registry_as_numbered_snapshot_parts_of_bounded_size() {
        List<String> names = new ArrayList<>();
        for (int owner = 0; owner < 2; owner++) {
            WireClient agent = hub.client("agent-" + owner, "node-agent", "announce:audio-node");
            for (int i = 0; i < 8; i++) {
                String name = "node-" + owner + "-" + i;
                names.add(name);
                announce(agent, new ServiceDescriptor("audio-node", name, "https://" + name + ".example.org",
                        List.of("source:youtube"), Map.of("a", "a".repeat(250), "b", "b".repeat(250),
                                "c", "c".repeat(250)), Map.of()));
            }
        }

        WireClient watcher = watcher("late");

        List<RegistrySnapshot> parts = new ArrayList<>();
        do {
            Message message = watcher.expect(Message.class, m -> RegistrySnapshot.SUBJECT.equals(m.subject()));
            // One entry is about 1 KiB: a part holds what fits in PART_BYTES, plus the frame around it.
            assertThat(bytes(message)).isLessThan(PART_BYTES + 1024);
            parts.add(FrameCodec.DEFAULT.fromTree(message.body(), RegistrySnapshot.class));
        } while (!parts.getLast().lastPart());
        assertThat(parts.size()).isGreaterThan(1);
        assertThat(parts).extracting(RegistrySnapshot::part)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, parts.size()).boxed().toList());
        assertThat(parts).allSatisfy(p -> assertThat(p.parts()).isEqualTo(parts.size()));
        assertThat(parts.stream().flatMap(p -> p.entries().stream()).map(ServiceEntry::id).map(id -> id.name()))
                .containsExactlyElementsOf(names.stream().sorted().toList());
        assertThat(watcher.isClosedByHub()).isFalse();
    }
}
