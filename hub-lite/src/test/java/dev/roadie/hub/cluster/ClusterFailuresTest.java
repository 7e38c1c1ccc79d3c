package dev.roadie.hub.cluster;

import static dev.roadie.hub.testing.Frames.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.roadie.hub.HubStartException;
import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.RedisServer;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.ErrorFrame;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.ReplyStatus;
import dev.roadie.model.wire.Reply;
import dev.roadie.model.wire.Request;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a hub does when the cluster's Redis is missing or goes away: it says so, and recovers. */
class ClusterFailuresTest {
    @TempDir
    Path folder;

    @Test
    void a_hub_does_not_start_when_its_redis_cannot_be_reached() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> TestHub.start(folder.resolve("hub"), Map.of("cluster.redis",
                "redis://:secret-password@127.0.0.1:" + closedPort)))
                .isInstanceOf(HubStartException.class)
                .hasMessageContaining("cannot reach the cluster's Redis at 127.0.0.1:" + closedPort)
                .hasMessageContaining("cluster.redis")
                .message().as("the password stays out of the message").doesNotContain("secret-password");
    }

    @Test
    void a_hub_cut_off_from_redis_refuses_what_needs_another_hub_says_so_and_recovers() {
        try (RedisServer redis = RedisServer.started();
                ClusterHubs cluster = new ClusterHubs(folder, redis.uri())) {
            TestHub a = cluster.start();
            TestHub b = cluster.start();
            WireClient bot = b.client("eu-1", "music-bot");
            WireClient local = a.client("eu-2", "music-bot");
            WireClient desk = a.client("alice", "desktop", "send:music-bot");
            ClusterHubs.awaitSeen(a, Address.service("music-bot", "eu-1"), 1);

            redis.kill();
            await("health failing").atMost(Duration.ofSeconds(10))
                    .until(() -> Http.to(a).get("/api/health", null).status() == 503);
            assertThat(Http.to(a).get("/api/health", null).json().get("reason").asString())
                    .contains("Redis at 127.0.0.1:" + redis.port(), "cannot be reached");

            desk.sendNumbered(message("m-1", Address.service("music-bot", "eu-1")));
            ErrorFrame refused = desk.expect(ErrorFrame.class);
            assertThat(refused.re()).isEqualTo("m-1");
            assertThat(refused.code()).isEqualTo(ErrorCode.UPSTREAM_FAILED);
            assertThat(refused.message()).contains("Redis");
            Http.Response rest = Http.to(a).post("/api/send", a.token("bob", "desktop", "send:music-bot"),
                    "{\"to\":\"service:music-bot/eu-1\",\"subject\":\"x\"}");
            assertThat(rest.status()).as("REST: the hub's upstream failed, not the caller").isEqualTo(503);
            assertThat(rest.json().get("code").asString()).isEqualTo("upstream-failed");
            desk.sendNumbered(new Request(0, "r-1", null, Address.service("music-bot", "eu-1"), "x", null, 5000));
            Reply gone = desk.expect(Reply.class);
            assertThat(gone.status()).isEqualTo(ReplyStatus.GONE);
            assertThat(gone.error().code()).isEqualTo(ErrorCode.UPSTREAM_FAILED.wire());
            desk.sendNumbered(message("m-2", Address.service("music-bot", "eu-2")));
            assertThat(local.expect(Message.class).id()).as("local traffic goes on without Redis").isEqualTo("m-2");

            redis.start();
            await("health back").atMost(Duration.ofSeconds(15))
                    .until(() -> Http.to(a).get("/api/health", null).status() == 200);
            ClusterHubs.awaitSeen(a, Address.service("music-bot", "eu-1"), 1);
            desk.sendNumbered(message("m-3", Address.service("music-bot", "eu-1")));
            assertThat(bot.expect(Message.class).id()).as("relayed again once Redis is back").isEqualTo("m-3");
        }
    }
}
