package dev.roadie.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.cli.RoadieCommand;
import dev.roadie.client.ClientOptions;
import dev.roadie.client.RoadieClient;
import dev.roadie.hub.Hub;
import dev.roadie.hub.config.ConfigLoader;
import dev.roadie.model.wire.FrameCodec;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ClientCommandsTest {
    @TempDir
    Path data;
    Hub hub;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        hub = Hub.start(ConfigLoader.load(null, data, Map.of(), Map.of("host", "127.0.0.1", "port", "0", "data",
                data.toString())));
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    String hubUri() {
        return "ws://127.0.0.1:" + hub.port() + "/ws";
    }

    String token(String name, String kind, String... scopes) {
        return hub.context().tokens().create(name, kind, List.of(scopes)).token();
    }

    int run(String... args) {
        var roadie = RoadieCommand.commandLine();
        roadie.setOut(new PrintWriter(out, true));
        roadie.setErr(new PrintWriter(err, true));
        return roadie.execute(args);
    }

    @Test
    void the_help_of_send_request_and_gather_names_the_hub_address() {
        for (String command : List.of("send", "request", "gather")) {
            out.getBuffer().setLength(0);

            assertThat(run(command, "--help")).isZero();

            assertThat(out.toString().replaceAll("\\s+", " ")).as("roadie %s --help", command)
                    .contains("topic:TOPIC, all, or hub (the hub itself, for a request of subject search, resolve or"
                            + " providers)");
        }
    }

    @Test
    void request_prints_the_reply_as_one_json_line_and_exits_0_when_ok() {
        try (RoadieClient bot = RoadieClient.create(ClientOptions.builder().hub(hubUri())
                .token(token("eu-1", "music-bot")).build())) {
            bot.handle("echo", request -> request.body());
            bot.awaitConnected(Duration.ofSeconds(15));

            int exit = run("request", "--hub", hubUri(), "--token", token("alice", "desktop", "send:music-bot"),
                    "--to", "service:music-bot/eu-1", "--subject", "echo", "{\"n\":7}");

            assertThat(exit).isZero();
            JsonNode reply = FrameCodec.DEFAULT.mapper().readTree(out.toString().strip());
            assertThat(reply.get("status").asString()).isEqualTo("ok");
            assertThat(reply.get("body").get("n").asInt()).isEqualTo(7);
            assertThat(out.toString().strip()).hasLineCount(1);
        }
    }

    @Test
    void request_exits_1_when_nobody_answers_ok() {
        int exit = run("request", "--hub", hubUri(), "--token", token("alice", "desktop", "send:music-bot"),
                "--to", "one:music-bot", "--subject", "x", "--timeout", "2s");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("\"status\":\"no-route\"");
    }

    @Test
    void a_bad_address_is_a_usage_error_naming_the_forms() {
        int exit = run("send", "--hub", hubUri(), "--token", "x", "--to", "bot", "--subject", "s");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("service:KIND/NAME");
    }

    @Test
    void a_body_that_is_not_json_is_a_usage_error() {
        int exit = run("send", "--hub", hubUri(), "--token", "x", "--to", "all", "--subject", "s", "{nope");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("not JSON");
    }

    @Test
    void no_token_is_a_usage_error_that_names_the_variable() {
        int exit = run("send", "--hub", hubUri(), "--to", "all", "--subject", "s");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("ROADIE_TOKEN");
    }

    @Test
    void send_says_at_once_that_the_connection_was_refused_while_it_tries_again() throws IOException {
        String down = "ws://127.0.0.1:" + closedPort() + "/ws";

        int exit = run("send", "--hub", down, "--token", "rd_x", "--to", "all", "--subject", "s", "--timeout", "3s");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("roadie: could not reach the hub: connection refused (" + down)
                .contains("trying again").doesNotContain("Exception");
    }

    @Test
    void send_with_no_retry_stops_at_the_first_failed_attempt_saying_why() throws IOException {
        String down = "ws://127.0.0.1:" + closedPort() + "/ws";
        long started = System.nanoTime();

        int exit = run("send", "--no-retry", "--hub", down, "--token", "rd_x", "--to", "all", "--subject", "s",
                "--timeout", "60s");

        assertThat(exit).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(err.toString()).containsOnlyOnce("connection refused")
                .contains("roadie send: could not reach the hub: connection refused");
    }

    @Test
    void an_unknown_host_is_said_so() {
        int exit = run("send", "--no-retry", "--hub", "ws://nowhere.invalid:7070/ws", "--token", "rd_x",
                "--to", "all", "--subject", "s", "--timeout", "60s");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("roadie send: could not reach the hub: unknown host nowhere.invalid");
    }

    @Test
    void a_refused_token_is_reported_once() {
        int exit = run("send", "--hub", hubUri(), "--token", "rd_AAAAAAAAAAAA_" + "B".repeat(43),
                "--to", "all", "--subject", "s", "--timeout", "20s");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).containsOnlyOnce("unauthorized").contains("roadie send: the hub refused");
    }

    @Test
    void a_command_with_the_token_of_a_connected_service_is_refused_and_leaves_the_service_connected() {
        String botToken = token("eu-1", "music-bot", "publish:*");
        try (RoadieClient bot = RoadieClient.create(ClientOptions.builder().hub(hubUri()).token(botToken).build())) {
            bot.awaitConnected(Duration.ofSeconds(15));

            int exit = run("send", "--hub", hubUri(), "--token", botToken, "--to", "topic:news", "--subject", "s",
                    "--timeout", "20s");

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString()).containsOnlyOnce("identity-in-use")
                    .contains("music-bot/eu-1 is already connected", "--replace");
            assertThat(bot.state()).isEqualTo(dev.roadie.client.ConnectionState.CONNECTED);
        }
    }

    @Test
    void with_replace_a_command_takes_the_identity_over() {
        String botToken = token("eu-1", "music-bot", "publish:*");
        var ended = new java.util.concurrent.CompletableFuture<dev.roadie.client.DisconnectReason>();
        try (RoadieClient bot = RoadieClient.create(ClientOptions.builder().hub(hubUri()).token(botToken)
                .listener(new dev.roadie.client.ConnectionListener() {
                    @Override
                    public void disconnected(dev.roadie.client.DisconnectReason reason) {
                        ended.complete(reason);
                    }
                }).build())) {
            bot.awaitConnected(Duration.ofSeconds(15));

            int exit = run("send", "--replace", "--hub", hubUri(), "--token", botToken, "--to", "topic:news",
                    "--subject", "s", "--timeout", "20s");

            assertThat(exit).isZero();
            assertThat(ended).succeedsWithin(Duration.ofSeconds(15))
                    .satisfies(reason -> assertThat(reason.closeCode()).isEqualTo(4010));
        }
    }

    @Test
    void gather_prints_a_status_per_receiver() {
        try (RoadieClient node = RoadieClient.create(ClientOptions.builder().hub(hubUri())
                .token(token("ams-1", "audio-node")).build())) {
            node.handle("health", request -> Map.of("healthy", true));
            node.awaitConnected(Duration.ofSeconds(15));

            int exit = run("gather", "--hub", hubUri(), "--token", token("eu-1", "music-bot", "send:audio-node"),
                    "--to", "kind:audio-node", "--subject", "health", "--timeout", "5s");

            assertThat(exit).isZero();
            assertThat(out.toString()).contains("audio-node/ams-1", "\"healthy\":true");
        }
    }
}
