package dev.roadie.hub.api;

import static dev.roadie.hub.api.RestApiTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.auth.FailedTokenChecks;
import dev.roadie.hub.auth.TokenService;
import dev.roadie.hub.config.HubConfig;
import dev.roadie.hub.http.ClientAddresses;
import dev.roadie.hub.store.AuditLog;
import dev.roadie.hub.store.Database;
import dev.roadie.hub.testing.Http;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.FrameCodec;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson3;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one access check, on a server of its own with the hub's check and error mapping, so that a
 * test can add routes the hub does not have: one without a declared access above all.
 */
class RouteAccessTest {
    @TempDir
    Path data;
    Database database;
    TokenService tokens;
    Javalin server;
    Http http;

    @BeforeEach
    void start() {
        database = Database.openForHub(data);
        Clock clock = Clock.systemUTC();
        tokens = new TokenService(database, clock);
        ApiAuth auth = new ApiAuth(tokens, HubConfig.defaults().limits(),
                new FailedTokenChecks(100, Duration.ofSeconds(1), Duration.ofSeconds(1), new AuditLog(database, clock)),
                new ClientAddresses(List.of()));
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson3(FrameCodec.DEFAULT.mapper(), false));
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.routes.beforeMatched(auth::check);
            config.routes.get("/api/forgotten", ctx -> ctx.result("secret"));
            config.routes.get("/api/open", ctx -> ctx.result("open"), Access.PUBLIC);
            config.routes.get("/api/anyone-with-a-token", ctx -> ctx.result(ApiAuth.principal(ctx).name()), Access.TOKEN);
            config.routes.get("/api/metrics-only", ctx -> ctx.result("numbers"), Access.scope("metrics"));
            config.routes.get("/api/twice", ctx -> ctx.result("which?"), Access.PUBLIC, Access.ADMIN);
            ApiRoutes.errors(config.routes);
        }).start();
        http = new Http("http://127.0.0.1:" + server.port());
    }

    @AfterEach
    void stop() {
        server.stop();
        database.close();
    }

    String token(String... scopes) {
        return tokens.create("alice", "desktop", List.of(scopes)).token();
    }

    @Test
    void a_route_that_declares_no_access_is_refused_even_to_an_admin() {
        String admin = token("admin");

        Http.Response refused = http.get("/api/forgotten", admin);

        assertError(refused, 500, ErrorCode.INTERNAL);
        assertThat(refused.body()).doesNotContain("secret").contains("GET /api/forgotten")
                .contains("does not say who may call it");
        assertError(http.get("/api/forgotten", null), 500, ErrorCode.INTERNAL);
    }

    @Test
    void a_route_that_declares_two_accesses_is_refused_as_unclear() {
        assertError(http.get("/api/twice", token("admin")), 500, ErrorCode.INTERNAL);
    }

    @Test
    void a_public_route_needs_no_token() {
        assertThat(http.get("/api/open", null)).extracting(Http.Response::status, Http.Response::body)
                .containsExactly(200, "open");
    }

    @Test
    void a_route_for_any_token_refuses_a_call_without_one_and_serves_any_valid_token() {
        assertError(http.get("/api/anyone-with-a-token", null), 401, ErrorCode.UNAUTHORIZED);
        assertError(http.get("/api/anyone-with-a-token", "rd_AAAAAAAAAAAA_" + "B".repeat(43)), 401,
                ErrorCode.UNAUTHORIZED);

        assertThat(http.get("/api/anyone-with-a-token", token()).body()).isEqualTo("alice");
    }

    @Test
    void a_route_for_a_scope_refuses_a_token_without_it_and_serves_one_with_it_or_admin() {
        Http.Response refused = http.get("/api/metrics-only", token("registry"));

        assertError(refused, 403, ErrorCode.FORBIDDEN);
        assertThat(refused.json().get("message").asString()).isEqualTo("this token lacks the scope metrics");
        assertThat(http.get("/api/metrics-only", token("metrics")).status()).isEqualTo(200);
        assertThat(http.get("/api/metrics-only", token("admin")).status()).isEqualTo(200);
    }
}
