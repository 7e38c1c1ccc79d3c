package dev.roadie.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.session.ClientSession;
import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.ErrorFrame;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Gather;
import dev.roadie.model.wire.GatherMode;
import dev.roadie.model.wire.GatherResult;
import dev.roadie.model.wire.GatherResult.ReceiverResult;
import dev.roadie.model.wire.Reply;
import dev.roadie.model.wire.ReplyStatus;
import dev.roadie.model.wire.Request;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What one client may have in flight: requests and gathers per session and per token, and the
 * reply bytes one gather keeps; and that a hub with calls in flight still stops.
 */
class InFlightLimitsTest {
    static final Address NODE = Address.service("audio-node", "silent");

    @RegisterExtension
    final HubExtension hub = HubExtension.startedByEachTest();
    final HttpClient http = HttpClient.newHttpClient();

    static Request request(String id, Address to) {
        return new Request(0, id, null, to, "ping", null, 30_000);
    }

    static Gather gather(String id) {
        return new Gather(0, id, Address.everyOf("audio-node"), "health", null, 30_000, GatherMode.ALL, 0);
    }

    CompletableFuture<HttpResponse<String>> post(String path, String token, String json) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(hub.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(15)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> await(CompletableFuture<HttpResponse<String>> call) throws Exception {
        return call.get(WireClient.WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void a_session_with_as_many_requests_waiting_as_it_may_have_is_refused_the_next_until_one_is_answered() {
        hub.start(Map.of("quotas.pendingRequestsPerSession", "3"));
        WireClient node = hub.client("silent", "audio-node");
        WireClient bot = hub.client("eu-1", "music-bot", "send:audio-node");
        for (int i = 1; i <= 3; i++) {
            bot.sendNumbered(request("r-" + i, NODE));
        }
        Request first = node.expect(Request.class, r -> r.subject().equals("ping"));

        bot.sendNumbered(request("r-4", NODE));
        ErrorFrame refused = bot.expect(ErrorFrame.class, e -> "r-4".equals(e.re()));

        assertThat(refused.code()).isEqualTo(ErrorCode.LIMIT_REACHED);
        assertThat(refused.message()).contains("quotas.pendingRequestsPerSession");
        node.sendNumbered(Reply.ok(first.id(), null));
        bot.expect(Reply.class, r -> r.re().equals("r-1"));
        bot.sendNumbered(request("r-5", NODE));
        bot.sync(); // the hub handled r-5 before this ping: an error about it would have come first

        assertThat(bot.received()).noneMatch(f -> f instanceof ErrorFrame e && "r-5".equals(e.re()));
        assertThat(hub.hub().context().requests().inFlight()).as("r-2, r-3 and r-5").isEqualTo(3);
    }

    @Test
    void a_token_counts_its_socket_and_rest_requests_together() throws Exception {
        hub.start(Map.of("quotas.pendingRequestsPerToken", "2"));
        hub.client("silent", "audio-node");
        String token = hub.token("eu-1", "music-bot", "send:audio-node");
        WireClient bot = hub.track(WireClient.authenticated(hub.port(), token));
        bot.sendNumbered(request("r-1", NODE));
        bot.sendNumbered(request("r-2", NODE));
        bot.sync();

        HttpResponse<String> overRest = await(post("/api/request", token,
                "{\"to\":\"service:audio-node/silent\",\"subject\":\"ping\",\"timeoutMs\":2000}"));

        assertThat(overRest.statusCode()).as(overRest.body()).isEqualTo(429);
        assertThat(overRest.body()).contains("limit-reached").contains("quotas.pendingRequestsPerToken");
    }

    @Test
    void a_session_may_have_only_so_many_gathers_waiting() {
        hub.start(Map.of("quotas.gathersPerSession", "2"));
        hub.client("silent", "audio-node");
        WireClient bot = hub.client("eu-1", "music-bot", "send:audio-node");
        bot.sendNumbered(gather("g-1"));
        bot.sendNumbered(gather("g-2"));

        bot.sendNumbered(gather("g-3"));
        ErrorFrame refused = bot.expect(ErrorFrame.class, e -> "g-3".equals(e.re()));

        assertThat(refused.code()).isEqualTo(ErrorCode.LIMIT_REACHED);
        assertThat(refused.message()).contains("quotas.gathersPerSession");
    }

    @Test
    void a_token_may_have_only_so_many_gathers_waiting_over_rest() throws Exception {
        hub.start(Map.of("quotas.gathersPerToken", "1"));
        hub.client("silent", "audio-node");
        String token = hub.token("eu-1", "music-bot", "send:audio-node");
        String body = "{\"to\":\"kind:audio-node\",\"subject\":\"health\",\"timeoutMs\":3000}";
        CompletableFuture<HttpResponse<String>> waiting = post("/api/gather", token, body);
        org.awaitility.Awaitility.await().atMost(WireClient.WAIT)
                .until(() -> hub.hub().context().requests().inFlight() == 1);

        HttpResponse<String> refused = await(post("/api/gather", token, body));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(refused.body()).contains("limit-reached").contains("quotas.gathersPerToken");
        assertThat(await(waiting).statusCode()).isEqualTo(200);
    }

    @Test
    void a_reply_that_would_take_a_gather_over_its_bytes_is_recorded_as_an_error_and_not_kept() {
        hub.start(Map.of("quotas.maxGatherBytes", "2000"));
        String big = "\"" + "x".repeat(900) + "\"";
        for (String name : List.of("a", "b", "c")) {
            hub.client(name, "audio-node").respondWith(request -> Reply.ok(request.id(),
                    FrameCodec.DEFAULT.mapper().readTree(big)));
        }
        WireClient bot = hub.client("eu-1", "music-bot", "send:audio-node");

        bot.sendNumbered(gather("g-1"));
        GatherResult result = bot.expect(GatherResult.class);

        assertThat(result.results()).hasSize(3);
        assertThat(result.results()).filteredOn(r -> r.status() == ReplyStatus.OK).hasSize(2)
                .allMatch(r -> r.body().stringValue().length() == 900);
        ReceiverResult dropped = result.results().stream().filter(r -> r.status() != ReplyStatus.OK).findFirst()
                .orElseThrow();
        assertThat(dropped.status()).isEqualTo(ReplyStatus.ERROR);
        assertThat(dropped.body()).isNull();
        assertThat(dropped.error().code()).isEqualTo("too-large");
        assertThat(dropped.error().message()).contains("quotas.maxGatherBytes");
        assertThat(result.complete()).isTrue();
    }

    @Test
    void stopping_the_hub_answers_every_call_in_flight_even_when_one_answer_fails() throws Exception {
        hub.start();
        hub.client("silent", "audio-node");
        String token = hub.token("eu-1", "music-bot", "send:audio-node");
        CompletableFuture<HttpResponse<String>> restGather = post("/api/gather", token,
                "{\"to\":\"kind:audio-node\",\"subject\":\"health\",\"timeoutMs\":60000}");
        org.awaitility.Awaitility.await().atMost(WireClient.WAIT)
                .until(() -> hub.hub().context().requests().inFlight() == 1);
        // A requester whose answer fails, as answers did when the heap ran out (not an OutOfMemoryError
        // itself: that would stop the test JVM's fork).
        Requests requests = hub.hub().context().requests();
        ClientSession silent = hub.hub().context().sessions().serving(ServiceId.parse("audio-node/silent"))
                .orElseThrow();
        Requester requester = new Requester(ServiceId.parse("music-bot/eu-1"), "t-test", null);
        requests.request(request("r-failing", NODE), requester, new Receiver(silent.identity(), silent), 60_000,
                reply -> {
                    throw new Error("the answer failed (made by the test)");
                });
        CompletableFuture<Reply> later = new CompletableFuture<>();
        requests.request(request("r-later", NODE), requester, new Receiver(silent.identity(), silent), 60_000,
                later::complete);

        long started = System.nanoTime();
        hub.hub().close(); // the hub alone, as its shutdown hook does: the clients stay connected meanwhile
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(later.get(1, TimeUnit.SECONDS).status()).isEqualTo(ReplyStatus.GONE);
        HttpResponse<String> gathered = await(restGather);
        assertThat(gathered.statusCode()).isEqualTo(200);
        assertThat(gathered.body()).contains("\"status\":\"gone\"");
        assertThat(requests.inFlight()).isZero();
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }
}
