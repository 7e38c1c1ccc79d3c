package dev.roadie.hub.socket;

import static dev.roadie.hub.testing.Frames.json;
import static dev.roadie.hub.testing.Frames.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.hub.testing.Frames;
import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.ErrorFrame;
import dev.roadie.model.wire.Frame;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Reply;
import dev.roadie.model.wire.ReplyStatus;
import dev.roadie.model.wire.Request;
import dev.roadie.model.wire.Subscribe;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many clients send bad input at once while a few good ones work: the good ones are served in
 * full and in order, none of them is cut, and the hub is alive and accepting afterwards.
 *
 * <p>Every bad client is bounded in what it sends, so the whole test takes a few seconds.
 */
class BadInputFloodTest {
    static final int ROUNDS = 60;               // request/reply pairs and topic messages per good requester
    static final int PRE_HELLO_ROUNDS = 8;      // connections per client that sends garbage instead of a hello
    static final int GARBAGE_FRAMES = 800;      // frames per authenticated garbage sender
    static final int HAMMER_FRAMES = 1_500;     // frames of the one client that floods far over the rate
    static final int CHURN_ROUNDS = 12;         // sockets opened and dropped per churner
    static final int SILENT_PER_CHURNER = 2;    // sockets per churner that never say hello
    static final String TOPIC = "flood.good";

    @RegisterExtension
    final HubExtension hub = HubExtension.startedByEachTest();
    final List<WireClient> clients = new CopyOnWriteArrayList<>();
    final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
        clients.forEach(WireClient::close);
    }

    WireClient track(WireClient client) {
        clients.add(client);
        return client;
    }

    /** What the bad side saw, to show the flood really went through the hub's refusal paths. */
    final Set<ErrorCode> badErrorCodes = ConcurrentHashMap.newKeySet();
    final List<Integer> preHelloCloses = new CopyOnWriteArrayList<>();
    final AtomicLong lastBadFrameNanos = new AtomicLong();

    @Test
    void a_flood_of_bad_input_from_many_clients_leaves_every_good_client_served_and_the_hub_alive()
            throws Exception {
        hub.start(Map.of(
                // Every client here, good and bad, connects from 127.0.0.1. The default of 32 per
                // address would let the 16 bad clients, the churners' sockets the hub has not seen
                // close yet and the silent ones crowd out the good clients and the fresh client at
                // the end; the per-address limit has its own test in LimitsTest.
                "limits.connectionsPerAddress", "512",
                // Likewise for sockets waiting for their hello: the silent ones must time out (4001),
                // not be pushed out by the churn (UnauthenticatedSocketsTest covers that).
                "limits.helloPendingPerAddress", "512",
                // Bad clients that drop their sockets leave sessions waiting for a resume; a short
                // window lets the final check see them gone instead of waiting two minutes.
                "sessions.resumeWindow", "300ms",
                "limits.maxFrameBytes", "2KiB",
                // A good client sends at most about 250 frames in all: within the burst, so it is
                // never rate limited, while the garbage senders and the hammer are.
                "limits.framesPerSecond", "100",
                "limits.frameBurst", "400",
                // Garbage senders that do not ack are cut as slow consumers; good clients ack at once
                // and never have more than a few frames in flight.
                "limits.maxUnackedFrames", "300",
                // Long enough that a loaded machine still reads each garbage client's first frame in
                // time (it must be refused with 4003, not timed out), short enough for the silent ones.
                "limits.authTimeout", "2s",
                // Every bad hello's token fails from the same address; throttling those checks is
                // FailedTokenThrottleTest's subject: here each one must reach the token check.
                "limits.freeTokenFailures", "1000",
                // Heartbeats are not under test here: a loaded machine must not turn a delayed pong
                // into a 4004 for a good client.
                "heartbeat.interval", "1s"));

        // ---- the good clients, connected before the flood ----
        WireClient bot1 = goodBot("bot-1");
        WireClient bot2 = goodBot("bot-2");
        WireClient desk1 = track(hub.client("desk-1", "desktop", "send:music-bot", "publish:flood.*"));
        WireClient desk2 = track(hub.client("desk-2", "desktop", "send:music-bot", "publish:flood.*"));
        List<WireClient> good = List.of(bot1, bot2, desk1, desk2);

        // ---- the flood and the good work, all at once ----
        List<Callable<?>> bad = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int n = i;
            bad.add(() -> garbageBeforeHello(n));
        }
        for (int i = 0; i < 6; i++) {
            int n = i;
            bad.add(() -> garbageAfterHello(n));
        }
        bad.add(this::hammer);
        bad.add(this::oversizedText);
        List<WireClient> silent = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 4; i++) {
            int n = i;
            bad.add(() -> churn(n, silent));
        }
        assertThat(bad).hasSize(16);

        CountDownLatch go = new CountDownLatch(1);
        AtomicLong firstGoodSendNanos = new AtomicLong();
        List<Future<?>> badRuns = bad.stream().<Future<?>>map(task -> pool.submit(() -> {
            go.await();
            return task.call();
        })).toList();
        Future<List<Reply>> work1 = pool.submit(() -> {
            go.await();
            firstGoodSendNanos.compareAndSet(0, System.nanoTime());
            return requestAndPublish(desk1);
        });
        Future<List<Reply>> work2 = pool.submit(() -> {
            go.await();
            firstGoodSendNanos.compareAndSet(0, System.nanoTime());
            return requestAndPublish(desk2);
        });
        go.countDown();

        List<Reply> replies1 = work1.get(30, TimeUnit.SECONDS);
        List<Reply> replies2 = work2.get(30, TimeUnit.SECONDS);
        for (Future<?> run : badRuns) {
            run.get(30, TimeUnit.SECONDS);
        }

        // ---- every good request got its own answer ----
        assertRepliesInOrder(replies1);
        assertRepliesInOrder(replies2);

        // ---- every good topic message arrived exactly once, in order ----
        desk1.sync();
        desk2.sync();
        for (WireClient bot : List.of(bot1, bot2)) {
            bot.sync();
            List<Frame> got = bot.received();
            for (String desk : List.of("desk-1", "desk-2")) {
                List<Message> fromDesk = topicMessagesFrom(got, desk);
                assertThat(fromDesk).extracting(Message::id).containsExactlyElementsOf(expectedTopicIds());
                assertThat(fromDesk).extracting(m -> m.body().get("n").asInt())
                        .containsExactlyElementsOf(IntStream.range(0, ROUNDS).boxed().toList());
            }
            assertThat(got.stream().filter(Message.class::isInstance)).as("nothing else reached a bot")
                    .hasSize(2 * ROUNDS);
            assertThat(got.stream().filter(Request.class::isInstance)).as("only the desks' requests")
                    .hasSize(ROUNDS)
                    .allMatch(f -> ((Request) f).from().kind().equals("desktop"));
        }

        // ---- no good client was cut ----
        assertThat(good).noneMatch(WireClient::isClosedByHub);

        // ---- the flood was real, and ran while the good clients worked ----
        assertThat(lastBadFrameNanos.get()).as("bad frames were still being sent after the good work began")
                .isGreaterThan(firstGoodSendNanos.get());
        assertThat(preHelloCloses).hasSize(4 * PRE_HELLO_ROUNDS).containsOnly(4003);
        // Which random garbage a sender gets out before it is cut (half of them never ack) depends on
        // timing, so only the dedicated senders' refusals are certain; each kind of malformed frame
        // has its own deterministic test in BadInputTest. The flood must still have been refused in
        // several ways.
        assertThat(badErrorCodes).contains(ErrorCode.TOO_LARGE, ErrorCode.RATE_LIMITED);
        assertThat(badErrorCodes).as("kinds of refusal seen").hasSizeGreaterThanOrEqualTo(4);
        assertThat(hub.closesWith(1009)).as("only the giant went over the hard limit").isEqualTo(1);
        assertThat(silent).hasSize(4 * SILENT_PER_CHURNER);
        for (WireClient socket : silent) {
            assertThat(socket.awaitClose()).as("a socket that never said hello").isEqualTo(4001);
        }

        // ---- the hub is alive and serves newcomers ----
        var health = Frames.http(hub, "GET", "/api/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"ok\"").contains(hub.hub().epoch());
        WireClient fresh = track(hub.client("desk-3", "desktop", "send:music-bot"));
        fresh.sendNumbered(new Request(0, "fresh", null, Address.service("music-bot", "bot-1"), "echo",
                json("{\"n\":7}"), 5000));
        Reply reply = fresh.expect(Reply.class, r -> r.re().equals("fresh"));
        assertThat(reply.status()).isEqualTo(ReplyStatus.OK);
        assertThat(reply.body().get("n").asInt()).isEqualTo(7);

        // ---- and nothing of the bad clients is left behind in it ----
        clients.stream().filter(c -> !good.contains(c) && c != fresh).forEach(WireClient::close);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(hub.hub().context().sessions().size()).as("sessions").isEqualTo(5);
            assertThat(hub.openConnections()).as("connections opened minus closed").isEqualTo(5);
        });
    }

    // ---------------------------------------------------------------- good clients

    WireClient goodBot(String name) {
        WireClient bot = track(hub.client(name, "music-bot", "subscribe:flood.*"));
        bot.respondWith(request -> Reply.ok(request.id(),
                json("{\"n\":" + request.body().get("n").asInt() + ",\"by\":\"" + name + "\"}")));
        long seq = bot.sendNumbered(new Subscribe(0, "sub", TOPIC));
        bot.expectAck(seq);
        return bot;
    }

    /** Alternates its requests between the two bots and publishes one topic message per request. */
    static List<Reply> requestAndPublish(WireClient desk) {
        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            String id = "r-" + i;
            String bot = i % 2 == 0 ? "bot-1" : "bot-2";
            desk.sendNumbered(new Request(0, id, null, Address.service("music-bot", bot), "echo",
                    json("{\"n\":" + i + "}"), 5000));
            desk.sendNumbered(message("t-" + i, Address.topic(TOPIC), json("{\"n\":" + i + "}")));
            replies.add(desk.expect(Reply.class, r -> r.re().equals(id)));
        }
        return replies;
    }

    static void assertRepliesInOrder(List<Reply> replies) {
        assertThat(replies).hasSize(ROUNDS);
        for (int i = 0; i < ROUNDS; i++) {
            Reply reply = replies.get(i);
            String bot = i % 2 == 0 ? "bot-1" : "bot-2";
            assertThat(reply.status()).as("status of r-%d", i).isEqualTo(ReplyStatus.OK);
            assertThat(reply.from()).isEqualTo(new ServiceId("music-bot", bot));
            assertThat(reply.body().get("n").asInt()).as("body of r-%d", i).isEqualTo(i);
            assertThat(reply.body().get("by").asString()).isEqualTo(bot);
        }
    }

    static List<Message> topicMessagesFrom(List<Frame> frames, String desk) {
        return frames.stream().filter(Message.class::isInstance).map(Message.class::cast)
                .filter(m -> m.from().equals(new ServiceId("desktop", desk))).toList();
    }

    static List<String> expectedTopicIds() {
        return IntStream.range(0, ROUNDS).mapToObj(i -> "t-" + i).toList();
    }

    // ---------------------------------------------------------------- bad clients

    /** Connects again and again and sends garbage instead of a hello; each socket must be refused with 4003. */
    Void garbageBeforeHello(int n) {
        String[] firstFrames = {
            "GET / HTTP/1.1", "[]", "null", "{\"type\":\"ping\",\"ts\":1}", "{\"type\":\"hello\",\"token\":\"rd_x\"}",
            "{\"type\":\"hello\",\"token\":\"x\",\"protocol\":9}",
            "{\"type\":\"hello\",\"client\":\"" + "x".repeat(3000) + "\"}",
            "{\"type\":\"hello\",\"token\":\"rd_AAAAAAAAAAAA_" + "B".repeat(43) + "\"}",
        };
        for (int round = 0; round < PRE_HELLO_ROUNDS; round++) {
            WireClient client = track(WireClient.connect(hub.port()));
            try {
                client.send(firstFrames[(n + round) % firstFrames.length]);
                client.send("and more garbage after it");
            } catch (WebsocketNotConnectedException e) {
                // Refused already: fine, the close code is what counts.
            }
            lastBadFrameNanos.set(System.nanoTime());
            preHelloCloses.add(client.awaitClose());
        }
        return null;
    }

    /** Authenticates with a token that may do nothing, then sends every kind of bad frame at full speed. */
    Void garbageAfterHello(int n) {
        WireClient client = track(hub.client("bad-" + n, "intruder"));
        client.autoAck(n % 2 == 0); // half of them never ack, and are cut as slow consumers
        Random random = new Random(n);
        for (int i = 0; i < GARBAGE_FRAMES && !client.isClosedByHub(); i++) {
            try {
                if (random.nextInt(25) == 0) {
                    client.send(new byte[] {1, 2, 3, (byte) i});
                } else {
                    client.send(garbage(random, i));
                }
            } catch (WebsocketNotConnectedException e) {
                break;
            }
            lastBadFrameNanos.set(System.nanoTime());
        }
        collectErrors(client);
        return null;
    }

    /** Sends pings far over the rate: dropped, then cut with 4008. */
    Void hammer() {
        WireClient client = track(hub.client("hammer", "intruder"));
        for (int i = 0; i < HAMMER_FRAMES && !client.isClosedByHub(); i++) {
            try {
                client.send("{\"type\":\"ping\",\"ts\":" + i + "}");
            } catch (WebsocketNotConnectedException e) {
                break;
            }
            lastBadFrameNanos.set(System.nanoTime());
        }
        assertThat(client.awaitClose()).as("the hammer").isEqualTo(4008);
        collectErrors(client);
        return null;
    }

    /** Sends frames over the limit, then one over the hard limit: too-large errors, then 1009. */
    Void oversizedText() {
        WireClient client = track(hub.client("giant", "intruder"));
        for (int i = 0; i < 20; i++) {
            client.send("{\"type\":\"message\",\"id\":\"big\",\"to\":\"all\",\"subject\":\"s\",\"body\":\""
                    + "x".repeat(3000 + i) + "\"}");
            lastBadFrameNanos.set(System.nanoTime());
        }
        client.send("x".repeat(4 * 2048 + 1));
        // The hub closes with 1009 (counted below from its metrics); the client may see the reset as 1006.
        assertThat(client.awaitClose()).as("the giant").isIn(1009, 1006);
        collectErrors(client);
        return null;
    }

    /** Opens sockets and drops them in every way it can: clean closes, half upgrades, raw bytes, resets. */
    Void churn(int n, List<WireClient> silent) throws IOException {
        for (int i = 0; i < SILENT_PER_CHURNER; i++) {
            silent.add(track(WireClient.connect(hub.port())));
        }
        String token = hub.token("churn-" + n, "intruder");
        Random random = new Random(100 + n);
        for (int round = 0; round < CHURN_ROUNDS; round++) {
            switch (round % 4) {
                case 0 -> WireClient.connect(hub.port()).close();
                case 1 -> {
                    // Say hello and leave at once, without waiting for anything.
                    WireClient client = WireClient.connect(hub.port());
                    client.send("{\"type\":\"hello\",\"token\":\"" + token + "\"}");
                    client.close();
                }
                case 2 -> rawSocket(upgradeRequest().substring(0, 40).getBytes(StandardCharsets.US_ASCII), false);
                default -> {
                    byte[] junk = new byte[64];
                    random.nextBytes(junk);
                    byte[] upgrade = upgradeRequest().getBytes(StandardCharsets.US_ASCII);
                    byte[] both = new byte[upgrade.length + junk.length];
                    System.arraycopy(upgrade, 0, both, 0, upgrade.length);
                    System.arraycopy(junk, 0, both, upgrade.length, junk.length);
                    rawSocket(both, true);
                }
            }
            lastBadFrameNanos.set(System.nanoTime());
        }
        return null;
    }

    String upgradeRequest() {
        return "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + hub.port() + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
    }

    /** Writes bytes on a plain TCP socket and drops it, with a reset when {@code reset}. */
    void rawSocket(byte[] bytes, boolean reset) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", hub.port())) {
            if (reset) {
                socket.setSoLinger(true, 0);
            }
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
        }
    }

    void collectErrors(WireClient client) {
        client.received().stream().filter(ErrorFrame.class::isInstance)
                .forEach(f -> badErrorCodes.add(((ErrorFrame) f).code()));
    }

    /** One bad frame of many kinds; ids of replies are guesses at the hub's request ids. */
    static String garbage(Random random, int i) {
        return switch (random.nextInt(16)) {
            case 0 -> "not json " + i;
            case 1 -> "[" + i + "]";
            case 2 -> "null";
            case 3 -> "{\"type\":\"teleport\",\"id\":\"x" + i + "\"}";
            case 4 -> "{\"type\":\"message\",\"id\":\"m" + i + "\"}";
            case 5 -> "{\"type\":\"message\",\"id\":\"m" + i + "\",\"to\":\"nowhere\",\"subject\":\"s\"}";
            case 6 -> "{\"type\":\"message\",\"id\":\"big\",\"to\":\"all\",\"subject\":\"s\",\"body\":\""
                    + "x".repeat(2100 + random.nextInt(2000)) + "\"}";
            case 7 -> "{\"type\":\"welcome\",\"session\":\"s\"}";
            // A reply to a guessed hub id: the request is someone else's, so it must never reach a desk.
            case 8 -> "{\"type\":\"reply\",\"re\":\"h" + Long.toString(i % 400, 36)
                    + "\",\"status\":\"ok\",\"body\":{\"n\":-1,\"by\":\"intruder\"}}";
            case 9 -> "{\"type\":\"message\",\"id\":\"f" + i + "\",\"to\":\"topic:" + TOPIC
                    + "\",\"subject\":\"s\",\"body\":{\"n\":-1}}";
            case 10 -> "{\"type\":\"request\",\"id\":\"q" + i + "\",\"to\":\"service:music-bot/bot-1\","
                    + "\"subject\":\"s\"}";
            case 11 -> "{\"type\":\"hello\",\"token\":\"rd_x\"}";
            case 12 -> "{\"type\":\"subscribe\",\"id\":\"s" + i + "\",\"topic\":\"" + TOPIC + "\"}";
            case 13 -> "{\"type\":\"ack\",\"seq\":-" + i + "}";
            case 14 -> "{\"type\":\"message\",\"seq\":-" + i + ",\"id\":\"neg\",\"to\":\"all\",\"subject\":\"s\"}";
            default -> "{\"type\":\"gather\",\"id\":\"g" + i + "\",\"to\":\"kind:music-bot\",\"subject\":\"s\","
                    + "\"mode\":\"quorum\",\"quorum\":0}";
        };
    }
}
