package dev.roadie.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.RedisServer;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.wire.CloseCode;
import dev.roadie.hub.cli.TokenCommand;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A token made on one hub of a cluster works on every hub, and a revocation on one reaches all. */
class TokensAcrossHubsTest {
    @RegisterExtension
    static final RedisServer redis = RedisServer.perClass();

    @TempDir
    Path folder;

    ClusterHubs cluster;
    TestHub a;
    TestHub b;
    TestHub c;
    RedisClient spy;
    StatefulRedisConnection<String, String> spying;

    @BeforeEach
    void startThreeHubs() {
        cluster = new ClusterHubs(folder, redis.uri());
        a = cluster.start();
        b = cluster.start();
        c = cluster.start();
        spy = RedisClient.create(redis.uri());
        spying = spy.connect();
    }

    @AfterEach
    void stopHubs() {
        spying.close();
        spy.shutdown();
        cluster.close();
    }

    @Test
    void a_token_created_through_rest_on_one_hub_is_accepted_by_the_others() {
        String token = createOn(a, "alice", "desktop");

        long started = System.nanoTime();
        awaitAccepted(b, token);
        awaitAccepted(c, token);
        System.out.printf("token created on A accepted on B and C after %d ms%n", millisSince(started));

        WireClient onB = b.track(WireClient.authenticated(b.port(), token));
        assertThat(onB.welcome().you().toString()).contains("alice");
        assertThat(Http.to(c).get("/api/tokens", c.adminToken()).body()).contains("\"alice\"");
    }

    @Test
    void the_shared_token_holds_only_the_hash_of_the_secret() {
        String token = createOn(a, "bob", "desktop");
        String secret = token.substring(3 + 12 + 1);
        String id = idOf(token);

        String shared = await().atMost(Duration.ofSeconds(5))
                .until(() -> spying.sync().hget(cluster.name() + ":tokens", id), value -> value != null);

        assertThat(shared).doesNotContain(secret).contains("\tbob\tdesktop\t");
        assertThat(shared.split("\t")[5]).as("the SHA-256 of the secret, hex").hasSize(64);
    }

    @Test
    void a_token_revoked_on_one_hub_ends_its_sessions_on_the_others_with_4003_at_once() {
        // An admin token, so that its sessions on B and C can take two identities: one identity is held on one hub only.
        Http.Response created = Http.to(a).post("/api/tokens", a.adminToken(),
                "{\"name\":\"carol\",\"kind\":\"desktop\",\"scopes\":[\"admin\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String token = created.json().get("token").asString();
        awaitAccepted(b, token);
        awaitAccepted(c, token);
        WireClient onB = b.track(WireClient.connect(b.port()));
        onB.hello(new dev.roadie.model.wire.Hello(token, "desktop", "carol-on-b", null, 1, "test"));
        WireClient onC = c.track(WireClient.connect(c.port()));
        onC.hello(new dev.roadie.model.wire.Hello(token, "desktop", "carol-on-c", null, 1, "test"));
        String id = idOf(token);

        long started = System.nanoTime();
        assertThat(Http.to(a).delete("/api/tokens/" + id, a.adminToken()).status()).isEqualTo(200);

        assertThat(onB.awaitClose()).isEqualTo(CloseCode.UNAUTHORIZED.code());
        assertThat(onC.awaitClose()).isEqualTo(CloseCode.UNAUTHORIZED.code());
        long took = millisSince(started);
        System.out.printf("token revoked on A: sessions on B and C ended after %d ms%n", took);
        assertThat(took).as("the notice, not the round of %s", TokenSync.ROUND).isLessThan(1000);
        assertThat(b.hub().context().tokens().authenticate(token)).isEmpty();
    }

    @Test
    void a_revocation_whose_notice_was_lost_still_ends_the_sessions_within_a_round() {
        String token = createOn(a, "dave", "desktop");
        awaitAccepted(b, token);
        WireClient onB = b.track(WireClient.authenticated(b.port(), token));
        String id = idOf(token);
        String key = cluster.name() + ":tokens";
        String active = spying.sync().hget(key, id);

        // As if hub A had revoked it and its notice reached nobody: only the shared hash says so.
        long started = System.nanoTime();
        spying.sync().hset(key, id, active + System.currentTimeMillis());

        assertThat(onB.awaitClose()).isEqualTo(CloseCode.UNAUTHORIZED.code());
        long took = millisSince(started);
        System.out.printf("revocation without a notice: session on B ended after %d ms%n", took);
        assertThat(took).isLessThan(TokenSync.ROUND.toMillis() * 2 + 1000);
    }

    @Test
    void tokens_made_and_revoked_by_the_command_beside_one_hub_reach_the_others_within_a_round() {
        Path dataOfA = folder.resolve("hub-0");
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new TokenCommand());
        command.setOut(new PrintWriter(out, true));
        assertThat(command.execute("create", "--data", dataOfA.toString(), "--name", "frank", "--kind", "desktop"))
                .isZero();
        String token = out.toString().strip().lines().toList().getLast();

        long started = System.nanoTime();
        awaitAccepted(c, token);
        System.out.printf("token made by the command beside A accepted on C after %d ms%n", millisSince(started));
        WireClient onC = c.track(WireClient.authenticated(c.port(), token));

        assertThat(new CommandLine(new TokenCommand()).execute("revoke", "--data", dataOfA.toString(), idOf(token)))
                .isZero();
        started = System.nanoTime();
        assertThat(onC.awaitClose()).isEqualTo(CloseCode.UNAUTHORIZED.code());
        long took = millisSince(started);
        System.out.printf("token revoked by the command beside A: session on C ended after %d ms%n", took);
        assertThat(took).isLessThan(TokenSync.ROUND.toMillis() + 1000);
    }

    private static String createOn(TestHub hub, String name, String kind) {
        Http.Response created = Http.to(hub).post("/api/tokens", hub.adminToken(),
                "{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\",\"scopes\":[]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("token").asString();
    }

    private static void awaitAccepted(TestHub hub, String token) {
        await(hub.hub().epoch() + " accepting the token").atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> hub.hub().context().tokens().authenticate(token).isPresent());
    }

    /** The id of {@code rd_<id>_<secret>}: 12 characters, which may hold '_' themselves. */
    private static String idOf(String token) {
        return token.substring(3, 3 + 12);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

}
