package dev.roadie.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.agent.config.AgentConfig;
import dev.roadie.agent.config.ConfigLoader;
import dev.roadie.agent.testing.FakeLavalink;
import dev.roadie.client.NodeDirectory;
import dev.roadie.client.NodeListener;
import dev.roadie.client.RoadieClient;
import dev.roadie.client.testing.Clients;
import dev.roadie.client.testing.LiveHub;
import dev.roadie.model.registry.ServiceEntry;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
import dev.roadie.node.retire.Phase;
import dev.roadie.node.testing.FakeDigitalOcean;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent in-process against a real hub, a fake Lavalink and a fake DigitalOcean. */
class NodeAgentTest {
    private static final ServiceId AMS = new ServiceId("audio-node", "ams-1");
    private static final String PASSWORD = "youshallnotpass";
    private static final long LONG_AGO = System.currentTimeMillis() - Duration.ofHours(1).toMillis();

    @TempDir
    Path dir;
    LiveHub hub;
    Clients clients;
    FakeLavalink node;
    FakeDigitalOcean digitalOcean;
    NodeAgent agent;

    @BeforeEach
    void start() {
        // A short lease, so that a node whose agent left the hub turns down within the test.
        hub = LiveHub.start(dir.resolve("hub"), Map.of("registry.downAfter", "300ms"));
        clients = new Clients();
        node = FakeLavalink.start(PASSWORD).planner(FakeLavalink.Planner.ROTATING_IP, "16").failing(2, LONG_AGO);
        digitalOcean = FakeDigitalOcean.start("dop_v1_test");
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        clients.close();
        hub.close();
        node.close();
        digitalOcean.close();
    }

    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("ROADIE_AGENT_NODE_NAME", "ams-1");
        env.put("ROADIE_AGENT_NODE_URL", node.uri().toString());
        env.put("ROADIE_AGENT_NODE_PASSWORD", PASSWORD);
        env.put("ROADIE_AGENT_NODE_TIMEOUT", "2s");
        env.put("ROADIE_AGENT_PUBLIC_HOST", "ams-1.example.org");
        env.put("ROADIE_AGENT_REGION", "eu");
        env.put("ROADIE_AGENT_HUB_URIS", hub.uri().toString());
        env.put("ROADIE_AGENT_HUB_TOKEN", hub.token("ams-1", "node-agent", "announce:audio-node"));
        env.put("ROADIE_AGENT_POLL_INTERVAL", "50ms");
        env.put("ROADIE_AGENT_HEALTH_READINGS", "2");
        return env;
    }

    private NodeAgent startAgent(Map<String, String> env, boolean dryRun) {
        AgentConfig config = ConfigLoader.load(null, env);
        agent = new NodeAgent(config, dryRun, Clock.systemUTC(), RoadieClient::create).start();
        return agent;
    }

    private NodeDirectory directory(String... scopes) throws Exception {
        RoadieClient bot = clients.connect(hub, "eu-1", "music-bot", scopes);
        NodeDirectory directory = bot.nodeDirectory();
        directory.ready().get(15, TimeUnit.SECONDS);
        return directory;
    }

    private static String health(ServiceEntry entry) {
        return entry.service().labels().get("health");
    }

    /** Every (state, health) the directory went through, consecutive repeats (stats updates) left out. */
    static final class Journey implements NodeListener {
        final List<String> steps = new CopyOnWriteArrayList<>();

        @Override
        public void added(ServiceEntry node) {
            note(node);
        }

        @Override
        public void changed(ServiceEntry before, ServiceEntry after) {
            note(after);
        }

        private void note(ServiceEntry entry) {
            String step = entry.state().wire() + "/" + health(entry);
            if (steps.isEmpty() || !steps.getLast().equals(step)) {
                steps.add(step);
            }
        }
    }

    @Test
    void the_node_appears_with_its_password_only_to_a_token_allowed_to_read_it_and_its_stats_flow() throws Exception {
        NodeDirectory bot = directory("registry", "secrets:audio-node");
        RoadieClient desktop = clients.connect(hub, "alice", "desktop", "registry");
        NodeDirectory companion = desktop.nodeDirectory();
        companion.ready().get(15, TimeUnit.SECONDS);

        startAgent(environment(), false);

        await().atMost(Clients.WAIT).until(() -> bot.node(AMS).map(e -> e.stats() != null).orElse(false));
        ServiceEntry entry = bot.node(AMS).orElseThrow();
        assertThat(entry.state()).isEqualTo(ServiceState.UP);
        assertThat(entry.service().endpoint()).isEqualTo("http://ams-1.example.org:2333");
        assertThat(entry.service().secrets()).isEqualTo(Map.of("password", PASSWORD));
        assertThat(entry.service().capabilities()).contains("source:youtube", "source:soundcloud",
                "plugin:youtube-plugin", "lavalink:4.0.8");
        assertThat(entry.service().labels()).containsEntry("region", "eu").containsEntry("lavalink.version", "4.0.8")
                .containsEntry("health", "passing");
        assertThat(entry.stats().players()).isEqualTo(2);
        assertThat(entry.owner()).isEqualTo("node-agent/ams-1");

        await().atMost(Clients.WAIT).until(() -> companion.node(AMS).isPresent());
        assertThat(companion.node(AMS).orElseThrow().service().secrets()).isEmpty();

        node.players(5);
        await().atMost(Clients.WAIT).until(() -> bot.node(AMS).orElseThrow().stats().players() == 5);
        assertThat(node.infoCalls()).isEqualTo(1);
    }

    @Test
    void an_exhausted_block_goes_warning_critical_draining_retired_and_runs_the_retire_actions() throws Exception {
        NodeDirectory bot = directory("registry", "secrets:audio-node");
        Journey journey = new Journey();
        bot.addListener(journey);
        Path script = Files.writeString(dir.resolve("retire.sh"), "#!/bin/sh\nenv > \"$1\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Path written = dir.resolve("retire.env");
        Map<String, String> env = environment();
        env.put("ROADIE_AGENT_RETIRE_COMMAND", script + " " + written);
        env.put("ROADIE_AGENT_RETIRE_DIGITALOCEAN_ENABLED", "true");
        env.put("ROADIE_AGENT_RETIRE_DIGITALOCEAN_API_BASE", digitalOcean.uri().toString());
        env.put("ROADIE_AGENT_RETIRE_DIGITALOCEAN_TOKEN", "dop_v1_test");
        env.put("ROADIE_AGENT_RETIRE_DIGITALOCEAN_DROPLET_ID", "3164444");
        env.put("ROADIE_AGENT_RETIRE_DIGITALOCEAN_REPLACE_SNAPSHOT", "67512819");
        env.put("ROADIE_AGENT_RETIRE_DIGITALOCEAN_REPLACE_REGION", "ams3");
        startAgent(env, false);
        await().atMost(Clients.WAIT).until(() -> bot.node(AMS).map(e -> "passing".equals(health(e))).orElse(false));

        node.failing(9, LONG_AGO);
        await().atMost(Clients.WAIT).until(() -> "warning".equals(health(bot.node(AMS).orElseThrow())));
        node.failing(15, LONG_AGO);
        await().atMost(Clients.WAIT).until(() -> bot.node(AMS).orElseThrow().state() == ServiceState.DRAINING);
        // Two players are still on it: the agent waits for them before retiring.
        assertThat(agent.finished()).isNotDone();
        assertThat(digitalOcean.calls()).isEmpty();

        node.players(0);
        assertThat(agent.finished().get(15, TimeUnit.SECONDS)).isEqualTo(Phase.RETIRED);
        await().atMost(Clients.WAIT).until(() -> bot.node(AMS).orElseThrow().state() == ServiceState.RETIRED);
        assertThat(journey.steps).containsExactly("up/passing", "up/warning", "up/critical", "draining/critical",
                "retired/critical");
        assertThat(bot.node(AMS).orElseThrow().service().labels()).containsEntry("health.reason",
                "15 of 16 addresses failing");

        assertThat(Files.readAllLines(written)).contains("ROADIE_NODE_NAME=ams-1", "ROADIE_NODE_HOST=ams-1.example.org",
                "ROADIE_NODE_PORT=2333", "ROADIE_NODE_TLS=false", "ROADIE_NODE_ENDPOINT=http://ams-1.example.org:2333",
                "ROADIE_NODE_REGION=eu", "ROADIE_DROPLET_ID=3164444",
                "ROADIE_NODE_REASON=IP block exhausted: 15 of 16 addresses failing")
                .noneMatch(line -> line.contains(PASSWORD));
        List<FakeDigitalOcean.Call> calls = digitalOcean.calls();
        assertThat(calls).extracting(FakeDigitalOcean.Call::method, FakeDigitalOcean.Call::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("POST", "/v2/droplets"),
                        org.assertj.core.groups.Tuple.tuple("DELETE", "/v2/droplets/3164444"));
        assertThat(calls).allMatch(call -> call.authorization().equals("Bearer dop_v1_test"));
        assertThat(calls.getFirst().body()).contains("\"name\":\"ams-1\"", "\"region\":\"ams3\"",
                "\"size\":\"s-1vcpu-1gb\"", "\"image\":67512819");
    }

    @Test
    void failures_arriving_fast_on_an_ipv6_block_exhaust_it_too() throws Exception {
        NodeDirectory bot = directory("registry");
        node.planner(FakeLavalink.Planner.ROTATING_NANO_IP, "18446744073709551616").failing(0, LONG_AGO).players(0);
        startAgent(environment(), false);
        await().atMost(Clients.WAIT).until(() -> bot.node(AMS).isPresent());

        node.failing(25, System.currentTimeMillis());
        assertThat(agent.finished().get(15, TimeUnit.SECONDS)).isEqualTo(Phase.RETIRED);
        await().atMost(Clients.WAIT).until(() -> bot.node(AMS).orElseThrow().state() == ServiceState.RETIRED);
        assertThat(bot.node(AMS).orElseThrow().service().labels().get("health.reason"))
                .isEqualTo("25 new failing addresses in 60s");
    }

    @Test
    void an_unreachable_node_is_reported_critical_then_down_and_comes_back_up() throws Exception {
        NodeDirectory bot = directory("registry");
        Map<String, String> env = environment();
        env.put("ROADIE_AGENT_NODE_DOWN_AFTER", "500ms");
        startAgent(env, false);
        await().atMost(Clients.WAIT).until(() -> bot.node(AMS).map(e -> "passing".equals(health(e))).orElse(false));

        node.answering(false);
        await().atMost(Clients.WAIT).until(() -> "critical".equals(health(bot.node(AMS).orElseThrow())));
        assertThat(bot.node(AMS).orElseThrow().service().labels().get("health.reason")).startsWith("node unreachable");
        await().atMost(Clients.WAIT).until(() -> bot.node(AMS).orElseThrow().state() == ServiceState.DOWN);
        assertThat(bot.usable()).isEmpty();

        node.answering(true);
        await().atMost(Clients.WAIT).until(() -> bot.node(AMS)
                .map(e -> e.state() == ServiceState.UP && "passing".equals(health(e))).orElse(false));
        assertThat(node.infoCalls()).isEqualTo(2);
        assertThat(agent.finished()).isNotDone();
    }

    @Test
    void a_dry_run_logs_the_retirement_but_changes_nothing() throws Exception {
        NodeDirectory bot = directory("registry");
        Path written = dir.resolve("never.env");
        Map<String, String> env = environment();
        env.put("ROADIE_AGENT_RETIRE_COMMAND", "/bin/touch " + written);
        env.put("ROADIE_AGENT_RETIRE_DIGITALOCEAN_ENABLED", "true");
        env.put("ROADIE_AGENT_RETIRE_DIGITALOCEAN_API_BASE", digitalOcean.uri().toString());
        env.put("ROADIE_AGENT_RETIRE_DIGITALOCEAN_TOKEN", "dop_v1_test");
        env.put("ROADIE_AGENT_RETIRE_DIGITALOCEAN_DROPLET_ID", "3164444");
        node.failing(16, LONG_AGO);
        startAgent(env, true);

        assertThat(agent.finished().get(15, TimeUnit.SECONDS)).isEqualTo(Phase.RETIRED);
        await().atMost(Clients.WAIT).until(() -> bot.node(AMS).isPresent());
        assertThat(bot.node(AMS).orElseThrow().state()).isEqualTo(ServiceState.UP);
        assertThat(written).doesNotExist();
        assertThat(digitalOcean.calls()).isEmpty();
    }

    @Test
    void players_that_stay_do_not_hold_retirement_past_the_drain_deadline_even_when_the_node_stops_answering()
            throws Exception {
        NodeDirectory bot = directory("registry");
        Map<String, String> env = environment();
        env.put("ROADIE_AGENT_RETIRE_DRAIN_DEADLINE", "500ms");
        env.put("ROADIE_AGENT_NODE_DOWN_AFTER", "100ms");
        startAgent(env, false);
        await().atMost(Clients.WAIT).until(() -> bot.node(AMS).isPresent());

        node.failing(16, LONG_AGO);
        await().atMost(Clients.WAIT).until(() -> bot.node(AMS).orElseThrow().state() == ServiceState.DRAINING);
        node.answering(false);
        assertThat(agent.finished().get(15, TimeUnit.SECONDS)).isEqualTo(Phase.RETIRED);
        await().atMost(Clients.WAIT).until(() -> bot.node(AMS).orElseThrow().state() == ServiceState.RETIRED);
    }
}
