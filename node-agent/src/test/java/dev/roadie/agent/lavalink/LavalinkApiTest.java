package dev.roadie.agent.lavalink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.agent.testing.FakeLavalink;
import dev.roadie.model.registry.NodeStats;
import dev.roadie.node.health.FailingAddress;
import dev.roadie.node.health.RoutePlannerStatus;
import dev.roadie.node.hub.NodeInfo;
import java.math.BigInteger;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LavalinkApiTest {
    private final FakeLavalink node = FakeLavalink.start("youshallnotpass");
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("lavalink-api-test").factory());
    private final LavalinkApi api = new LavalinkApi(node.uri(), "youshallnotpass", Duration.ofSeconds(5), executor);

    @AfterEach
    void close() {
        api.close();
        node.close();
        executor.shutdownNow();
    }

    @Test
    void info_gives_version_sources_filters_and_plugins() throws Exception {
        NodeInfo info = api.info();
        assertThat(info.version()).isEqualTo("4.0.8");
        assertThat(info.sourceManagers()).containsExactly("youtube", "soundcloud");
        assertThat(info.filters()).contains("timescale");
        assertThat(info.plugins()).containsExactly(new NodeInfo.Plugin("youtube-plugin", "1.11.2"));
    }

    @Test
    void stats_keep_lavalinks_shape_with_frame_stats_when_sent() throws Exception {
        node.fixture("/v4/stats", "/lavalink/stats.json");
        NodeStats stats = api.stats();
        assertThat(stats.players()).isEqualTo(4);
        assertThat(stats.cpu()).isEqualTo(new NodeStats.Cpu(2, 0.31, 0.12));
        assertThat(stats.frameStats()).isEqualTo(new NodeStats.FrameStats(8850, 30, 150));
    }

    @Test
    void a_nano_ip_planner_gives_its_block_size_as_a_big_integer_and_its_block_index() throws Exception {
        node.fixture("/v4/routeplanner/status", "/lavalink/routeplanner-rotatingnanoip.json");
        RoutePlannerStatus status = api.routePlanner().orElseThrow();
        assertThat(status.plannerClass()).isEqualTo("RotatingNanoIpRoutePlanner");
        assertThat(status.blockSize()).isEqualTo(BigInteger.TWO.pow(64));
        assertThat(status.blockIndex()).isEqualTo(BigInteger.TWO);
        assertThat(status.failingAddresses()).extracting(FailingAddress::failingAt)
                .containsExactly(1730000100000L, 1730000160000L);
    }

    @Test
    void a_rotating_ip_planner_has_no_block_index() throws Exception {
        node.fixture("/v4/routeplanner/status", "/lavalink/routeplanner-rotatingip.json");
        RoutePlannerStatus status = api.routePlanner().orElseThrow();
        assertThat(status.blockType()).isEqualTo("Inet4Address");
        assertThat(status.blockSize()).isEqualTo(BigInteger.valueOf(16));
        assertThat(status.blockIndex()).isNull();
        assertThat(status.failingAddresses()).containsExactly(new FailingAddress("/203.0.113.4", 1730000100000L));
    }

    @Test
    void no_route_planner_is_204_and_reads_as_empty() throws Exception {
        node.planner(FakeLavalink.Planner.NONE, "0");
        assertThat(api.routePlanner()).isEmpty();
    }

    @Test
    void a_wrong_password_says_which_setting_to_fix() {
        try (LavalinkApi wrong = new LavalinkApi(node.uri(), "nope", Duration.ofSeconds(5), executor)) {
            assertThatThrownBy(wrong::stats).isInstanceOf(NodeUnreachableException.class)
                    .hasMessageContaining("set node.password");
        }
    }

    @Test
    void a_node_that_does_not_answer_is_unreachable_not_a_crash() {
        node.answering(false);
        assertThatThrownBy(api::stats).isInstanceOf(NodeUnreachableException.class).hasMessageContaining("503");
    }
}
