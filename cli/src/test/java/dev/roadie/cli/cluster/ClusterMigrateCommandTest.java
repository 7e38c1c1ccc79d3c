package dev.roadie.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.cli.RoadieCommand;
import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.RedisServer;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.hub.certs.Pem;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Message;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code roadie cluster migrate} on a real single hub's data folder and a real redis-server: a
 * cluster hub started afterwards on that Redis accepts the single hub's tokens, lists its
 * pairing and audit log, and delivers the durable messages that waited for an absent receiver.
 */
class ClusterMigrateCommandTest {
    @RegisterExtension
    static final RedisServer redis = RedisServer.perClass();

    @TempDir
    Path folder;

    private record Run(int code, String out, String err) {
    }

    private static Run migrate(Path data, String... more) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = RoadieCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        List<String> args = new java.util.ArrayList<>(List.of("cluster", "migrate", "--data", data.toString()));
        args.addAll(List.of(more));
        int code = command.execute(args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private static Message durable(String id) {
        return new Message(0, id, null, Address.service("desktop", "me"), "note",
                FrameCodec.DEFAULT.mapper().readTree("{\"n\":1}"), true);
    }

    @Test
    void a_single_hubs_tokens_pairing_audit_and_waiting_messages_work_on_a_cluster_hub_after_migrating_twice() {
        Path single = folder.resolve("single");
        String admin;
        String desk;
        String keyPem;
        String password = "pw-" + java.util.UUID.randomUUID();
        try (TestHub hub = TestHub.start(single)) {
            dev.roadie.hub.testing.TestCertificates.Issued ca = dev.roadie.hub.testing.TestCertificates.ca("Test CA");
            dev.roadie.hub.testing.TestCertificates.Issued leaf = dev.roadie.hub.testing.TestCertificates.leaf(ca,
                    List.of("web.example.org"), Duration.ofDays(30));
            keyPem = Pem.privateKey(leaf.keys().getPrivate());
            tools.jackson.databind.node.ObjectNode body = FrameCodec.DEFAULT.mapper().createObjectNode();
            body.put("fullchainPem", Pem.certificates(List.of(leaf.certificate())));
            body.put("privkeyPem", keyPem);
            assertThat(Http.to(hub).post("/api/certs/web/import", hub.adminToken(), body.toString()).status())
                    .isEqualTo(201);
            WireClient node = hub.client("eu-1", "audio-node", "announce:audio-node");
            node.expectAck(node.sendNumbered(new dev.roadie.model.wire.Announce(0, "an-1",
                    new dev.roadie.model.registry.ServiceDescriptor("audio-node", "eu-1", null, List.of(), Map.of(),
                            Map.of("password", password)))));
            admin = hub.adminToken();
            desk = hub.token("me", "desktop");
            WireClient bot = hub.client("eu-1", "music-bot", "send:desktop");
            for (String id : List.of("d-1", "d-2")) {
                bot.expectAck(bot.sendNumbered(durable(id)));
            }
            bot.sync();
            assertThat(bot.received()).noneMatch(dev.roadie.model.wire.ErrorFrame.class::isInstance);
            Http.Response pairing = Http.to(hub).post("/api/pair/start", null,
                    "{\"kind\": \"mobile\", \"name\": \"Phone\"}");
            assertThat(pairing.status()).as(pairing.toString()).isBetween(200, 201);
        }

        Run first = migrate(single, "--redis", redis.uri(), "--cluster-name", "moved");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("into cluster 'moved'", "4 tokens", "1 pairing",
                "2 durable messages waiting for their receivers", "1 certificate\n", "1 service's secrets\n")
                .containsPattern("\\d+ audit entr");
        Run second = migrate(single, "--redis", redis.uri(), "--cluster-name", "moved");
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).contains("0 tokens (4 more already there)", "0 pairings (1 more already there)",
                "0 durable messages waiting for their receivers (2 more already there)",
                "0 certificates (1 more already there)", "0 services' secrets (1 more already there)").containsPattern(
                "0 audit entries \\(\\d+ more already there\\)");

        try (TestHub cluster = TestHub.start(folder.resolve("cluster"),
                Map.of("cluster.redis", redis.uri(), "cluster.name", "moved", "cluster.lease", "1s",
                        "certs.masterKeyFile", folder.resolve("single-master.key").toString()))) {
            // The certificate, its key decrypted by the master key the cluster now shares with the single hub.
            String certAdmin = cluster.token("ops-admin", "admin", "admin");
            assertThat(Http.to(cluster).get("/api/certs/web/privkey.pem", certAdmin).body()).isEqualTo(keyPem);
            // The hub takes the cluster's tokens into its database in its first token round (TokenSync.ROUND).
            await("the cluster hub taking in the single hub's tokens").atMost(Duration.ofSeconds(10))
                    .until(() -> cluster.hub().context().tokens().authenticate(admin).isPresent()
                            && cluster.hub().context().tokens().authenticate(desk).isPresent());
            await("the cluster hub taking in the pairing").atMost(Duration.ofSeconds(10))
                    .until(() -> Http.to(cluster).get("/api/pair/requests", admin).body(), body -> body.contains("Phone"));
            assertThat(Http.to(cluster).get("/api/audit?limit=100", admin).body()).contains("pair.start",
                    "\"hub\":\"migrated\"");

            WireClient receiver = cluster.track(WireClient.authenticated(cluster.port(), desk));
            await("both waiting messages delivered").atMost(Duration.ofSeconds(10)).until(() -> {
                receiver.sync();
                return receiver.received().stream().filter(Message.class::isInstance).count() >= 2;
            });
            assertThat(receiver.received().stream().filter(Message.class::isInstance).map(f -> ((Message) f).id()))
                    .as("each once, though migrated twice").containsExactly("d-1", "d-2");
        }
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(redis.uri());
        try (var connection = client.connect()) {
            String sealed = connection.sync().hget("moved:secrets", "audio-node/eu-1");
            assertThat(sealed).as("the service's secrets, encrypted").isNotNull().doesNotContain(password);
        } finally {
            client.shutdown();
        }

        // A hub with another master key: nothing of it is copied, and it says why.
        Path stranger = folder.resolve("stranger");
        TestHub.start(stranger).close();
        Run refused = migrate(stranger, "--redis", redis.uri(), "--cluster-name", "moved");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("Stopped before copying: nothing was copied: the master key in the file "
                + folder.resolve("stranger-master.key"), "is not the one of cluster 'moved'");
    }

    @Test
    void it_refuses_a_data_folder_a_hub_is_running_on() {
        Path single = folder.resolve("running");
        try (TestHub hub = TestHub.start(single)) {
            Run run = migrate(single, "--redis", redis.uri(), "--cluster-name", "refused");
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).contains("Another hub is running on the data folder", "Stop that hub first");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void a_redis_that_does_not_answer_stops_it_saying_where_and_what_to_do() {
        Path single = folder.resolve("stopped");
        TestHub.start(single).close();
        Run run = migrate(single, "--redis", "redis://127.0.0.1:1", "--cluster-name", "unreachable");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("cannot reach the cluster's Redis at 127.0.0.1:1", "Run it again");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void without_a_redis_it_says_how_to_give_one() {
        Run run = migrate(folder, "--cluster-name", "nowhere");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--redis redis://HOST:PORT", "cluster.redis");
    }
}
