package dev.roadie.hub.registry;

import static dev.roadie.hub.registry.RegistryTest.announce;
import static dev.roadie.hub.registry.RegistryTest.audioNode;
import static dev.roadie.hub.registry.RegistryTest.done;
import static dev.roadie.hub.registry.RegistryTest.lavalink;
import static dev.roadie.hub.registry.RegistryTest.stats;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.registry.NodeStats;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.ErrorFrame;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Stats;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stats are checked before the registry takes them: figures no node reports (negative players,
 * loads or memory, absurdly large ones) are refused with invalid-frame naming the field and its
 * range, so that nobody wins least-loaded routing with them.
 */
class StatsValidationTest {
    @RegisterExtension
    final HubExtension hub = HubExtension.withDefaults();

    static Stream<Arguments> implausibleStats() {
        NodeStats.Memory memory = new NodeStats.Memory(1, 2, 3, 4);
        NodeStats.Cpu cpu = new NodeStats.Cpu(4, 0.5, 0.25);
        return Stream.of(
                Arguments.of(new NodeStats(1, Integer.MIN_VALUE, 1000, memory, cpu, null),
                        "'stats.playingPlayers' must be between 0 and 1"),
                Arguments.of(new NodeStats(-1, 0, 1000, memory, cpu, null), "'stats.players' must be between 0 and 100000"),
                Arguments.of(new NodeStats(Integer.MAX_VALUE, 0, 1000, memory, cpu, null), "'stats.players'"),
                Arguments.of(new NodeStats(5, 6, 1000, memory, cpu, null), "'stats.playingPlayers' must be between 0 and 5"),
                Arguments.of(new NodeStats(1, 0, -5, memory, cpu, null), "'stats.uptime'"),
                Arguments.of(new NodeStats(1, 0, 1000, new NodeStats.Memory(-1, 2, 3, 4), cpu, null), "'stats.memory.free'"),
                Arguments.of(new NodeStats(1, 0, 1000, memory, new NodeStats.Cpu(4, -3, 0.25), null),
                        "'stats.cpu.systemLoad' must be a fraction between 0 and 1"),
                Arguments.of(new NodeStats(1, 0, 1000, memory, new NodeStats.Cpu(4, 0.5, 7), null), "'stats.cpu.lavalinkLoad'"),
                Arguments.of(new NodeStats(1, 0, 1000, memory, new NodeStats.Cpu(0, 0.5, 0.5), null), "'stats.cpu.cores'"),
                Arguments.of(new NodeStats(1, 0, 1000, memory, cpu, new NodeStats.FrameStats(3000, -600, 0)),
                        "'stats.frameStats.nulled'"));
    }

    @ParameterizedTest
    @MethodSource("implausibleStats")
    void implausible_stats_are_refused_naming_the_field_and_its_range_and_not_applied(NodeStats bad, String message) {
        WireClient node = hub.client("ams-3", "audio-node", "announce:audio-node");
        announce(node, lavalink("ams-3"));

        done(node, new Stats(0, "st-bad", audioNode("ams-3"), bad));

        ErrorFrame error = node.expect(ErrorFrame.class, e -> "st-bad".equals(e.re()));
        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_FRAME);
        assertThat(error.message()).contains(message);
        Http.Response entry = Http.to(hub).get("/api/services/audio-node/ams-3", hub.adminToken());
        assertThat(entry.json().has("stats")).as("the stats were not applied").isFalse();
    }

    @Test
    void a_node_cannot_win_least_loaded_routing_with_a_negative_player_count() {
        WireClient honest = hub.client("honest", "audio-node", "announce:audio-node");
        announce(honest, lavalink("honest"));
        done(honest, new Stats(0, "st-honest", audioNode("honest"), stats(3)));
        WireClient liar = hub.client("liar", "audio-node", "announce:audio-node");
        announce(liar, lavalink("liar"));
        done(liar, new Stats(0, "st-liar", audioNode("liar"), new NodeStats(0, Integer.MIN_VALUE, 1, null, null, null)));
        WireClient bot = hub.client("eu-1", "music-bot", "send:audio-node");

        for (int i = 0; i < 4; i++) {
            done(bot, new Message(0, "m-" + i, null, Address.oneOf("audio-node"), "test.hello", null, false));
        }

        honest.sync();
        liar.sync();
        assertThat(honest.received()).filteredOn(Message.class::isInstance).hasSize(4);
        assertThat(liar.received()).noneMatch(Message.class::isInstance);
        assertThat(liar.received()).anyMatch(f -> f instanceof ErrorFrame e && "st-liar".equals(e.re()));
    }

    @Test
    void plausible_stats_from_a_real_lavalink_are_accepted() {
        WireClient node = hub.client("ams-3", "audio-node", "announce:audio-node");
        announce(node, lavalink("ams-3"));

        done(node, new Stats(0, "st-ok", audioNode("ams-3"), new NodeStats(12, 9, 86_400_000,
                new NodeStats.Memory(100L << 20, 400L << 20, 512L << 20, 2L << 30), new NodeStats.Cpu(8, 0.31, 0.12),
                new NodeStats.FrameStats(27_000, 12, -1))));

        node.sync();
        assertThat(node.received()).noneMatch(ErrorFrame.class::isInstance);
    }
}
