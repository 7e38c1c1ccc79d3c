package dev.roadie.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.roadie.agent.config.ConfigLoader;
import dev.roadie.agent.lavalink.LavalinkSocket;
import dev.roadie.agent.testing.FakeLavalink;
import dev.roadie.agent.testing.FakeLavalinkSocket;
import dev.roadie.client.NodeDirectory;
import dev.roadie.client.RoadieClient;
import dev.roadie.client.testing.Clients;
import dev.roadie.client.testing.LiveHub;
import dev.roadie.model.registry.ServiceEntry;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The agent reading the node's /v4/websocket beside its REST API, against a real hub. */
class NodeAgentSocketTest {
    private static final ServiceId AMS = new ServiceId("audio-node", "ams-1");
    private static final String PASSWORD = "youshallnotpass";

    @TempDir
    Path dir;
    LiveHub hub;
    Clients clients;
    FakeLavalink node;
    FakeLavalinkSocket socket;
    NodeAgent agent;
    ListAppender<ILoggingEvent> socketLog = new ListAppender<>();

    @BeforeEach
    void start() {
        hub = LiveHub.start(dir.resolve("hub"), Map.of());
        clients = new Clients();
        node = FakeLavalink.start(PASSWORD).planner(FakeLavalink.Planner.NONE, "0");
        socketLog.start();
        ((Logger) LoggerFactory.getLogger(LavalinkSocket.class)).addAppender(socketLog);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(LavalinkSocket.class)).detachAppender(socketLog);
        ((Logger) LoggerFactory.getLogger(LavalinkSocket.class)).setLevel(null);
        if (agent != null) {
            agent.close();
        }
        clients.close();
        hub.close();
        node.close();
        if (socket != null) {
            assertThat(socket.errors()).isEmpty();
            socket.close();
        }
    }

    private Map<String, String> environment(String pollInterval) {
        Map<String, String> env = new HashMap<>();
        env.put("ROADIE_AGENT_NODE_NAME", "ams-1");
        env.put("ROADIE_AGENT_NODE_URL", node.uri().toString());
        env.put("ROADIE_AGENT_NODE_PASSWORD", PASSWORD);
        env.put("ROADIE_AGENT_NODE_TIMEOUT", "2s");
        env.put("ROADIE_AGENT_PUBLIC_HOST", "ams-1.example.org");
        env.put("ROADIE_AGENT_HUB_URIS", hub.uri().toString());
        env.put("ROADIE_AGENT_HUB_TOKEN", hub.token("ams-1", "node-agent", "announce:audio-node"));
        env.put("ROADIE_AGENT_POLL_INTERVAL", pollInterval);
        env.put("ROADIE_AGENT_HEALTH_READINGS", "1");
        return env;
    }

    private void startAgent(Map<String, String> env) {
        agent = new NodeAgent(ConfigLoader.load(null, env), false, Clock.systemUTC(), RoadieClient::create,
                socket.nodeUri()).start();
    }

    private NodeDirectory directory() throws Exception {
        NodeDirectory directory = clients.connect(hub, "eu-1", "music-bot", "registry").nodeDirectory();
        directory.ready().get(15, TimeUnit.SECONDS);
        return directory;
    }

    private static boolean upAndPassing(ServiceEntry entry) {
        return entry.state() == ServiceState.UP && "passing".equals(entry.service().labels().get("health"));
    }

    @Test
    void the_ready_op_brings_the_node_up_without_the_rest_timer_and_a_new_session_rereads_its_info() throws Exception {
        socket = FakeLavalinkSocket.start(PASSWORD);
        NodeDirectory bot = directory();
        // The timer's only reading (at the start) finds the node down; the next one is an hour away.
        node.answering(false);
        startAgent(environment("1h"));
        await().atMost(Clients.WAIT).until(() -> node.calls() >= 1 && socket.opened() >= 1);

        node.answering(true);
        socket.restart();
        await().atMost(Clients.WAIT).until(() -> bot.node(AMS).map(NodeAgentSocketTest::upAndPassing).orElse(false));
        assertThat(node.infoCalls()).isEqualTo(1);
        assertThat(socket.handshakes()).isNotEmpty().allSatisfy(headers -> {
            assertThat(headers).containsEntry("Authorization", PASSWORD).containsEntry("User-Id", "0");
            assertThat(headers.get("Client-Name")).startsWith("roadie-agent/");
        });

        // Lavalink's uptime in /v4/stats has not gone down here: only the new session id says it restarted.
        socket.restart();
        await().atMost(Clients.WAIT).until(() -> node.infoCalls() == 2);

        socket.pushStats(7);
        await().atMost(Clients.WAIT).until(() -> bot.node(AMS).map(e -> e.stats() != null && e.stats().players() == 7)
                .orElse(false));
        assertThat(node.infoCalls()).isEqualTo(2);
        assertThat(agent.finished()).isNotDone();
    }

    @Test
    void a_pushed_reading_that_crosses_a_slower_rest_reading_is_not_taken_for_a_restart() throws Exception {
        socket = FakeLavalinkSocket.start(PASSWORD);
        NodeDirectory bot = directory();
        Logger socketLogger = (Logger) LoggerFactory.getLogger(LavalinkSocket.class);
        socketLogger.setLevel(Level.TRACE);
        // The agent's first reading, over REST, is slow: the node measured its uptime, then the answer took a while.
        FakeLavalink.Hold slowStats = node.holdNextStats();
        startAgent(environment("1h"));
        slowStats.awaitArrived();
        await().atMost(Clients.WAIT).until(() -> socket.opened() >= 1);

        // Meanwhile the node pushes stats taken a second before the REST answer's, and the agent receives them first.
        socket.pushStats(3, 7_199_000);
        await().atMost(Clients.WAIT).until(() -> socketLog.list.stream()
                .anyMatch(e -> e.getFormattedMessage().contains("pushed stats (uptime 7199000 ms)")));
        slowStats.release();
        // Both REST readings done (the first: stats, route planner, info; the one the ready op runs: stats,
        // route planner), so that the next push arrives after them.
        await().atMost(Clients.WAIT).until(() -> node.calls() >= 5);

        // A later push, handled after everything before it: by then the crossing reading was handled too.
        socket.pushStats(9, 7_300_000);
        await().atMost(Clients.WAIT).until(() -> playersOf(bot) == 9);
        assertThat(node.infoCalls()).as("the node never restarted").isEqualTo(1);
    }

    @Test
    void a_socket_refused_for_its_password_is_logged_and_rest_keeps_reading_the_node() throws Exception {
        socket = FakeLavalinkSocket.start("another-password");
        NodeDirectory bot = directory();
        startAgent(environment("50ms"));

        await().atMost(Clients.WAIT).until(() -> socketLog.list.stream()
                .anyMatch(e -> e.getFormattedMessage().contains("code 4001")
                        && e.getFormattedMessage().contains("node.password")));
        await().atMost(Clients.WAIT).until(() -> bot.node(AMS).map(NodeAgentSocketTest::upAndPassing).orElse(false));
        node.players(5);
        await().atMost(Clients.WAIT).until(() -> playersOf(bot) == 5);
        assertThat(socket.opened()).isZero();
    }

    @Test
    void with_the_websocket_off_the_agent_reads_rest_only() throws Exception {
        socket = FakeLavalinkSocket.start(PASSWORD);
        NodeDirectory bot = directory();
        Map<String, String> env = environment("50ms");
        env.put("ROADIE_AGENT_NODE_WEBSOCKET", "false");
        startAgent(env);

        await().atMost(Clients.WAIT).until(() -> bot.node(AMS).map(NodeAgentSocketTest::upAndPassing).orElse(false));
        node.players(4);
        await().atMost(Clients.WAIT).until(() -> playersOf(bot) == 4);
        assertThat(socket.handshakes()).isEmpty();
    }

    @Test
    void the_client_name_carries_the_agent_version() {
        assertThat(NodeAgent.clientName()).matches("roadie-agent/\\S+");
    }

    /** The players the bot sees on the node, or -1 before its first stats (an await must not throw on that). */
    private static int playersOf(NodeDirectory bot) {
        return bot.node(AMS).map(e -> e.stats() == null ? -1 : e.stats().players()).orElse(-1);
    }
}
