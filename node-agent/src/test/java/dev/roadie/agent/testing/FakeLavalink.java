package dev.roadie.agent.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Lavalink v4 node's REST API on 127.0.0.1, answering in the documented formats
 * ({@code /v4/info}, {@code /v4/stats}, {@code /v4/routeplanner/status}) from a state the test
 * scripts: players, load, failing addresses, block index, or not answering at all.
 */
public final class FakeLavalink implements AutoCloseable {
    /** The planners the fake can be. */
    public enum Planner { NONE, ROTATING_IP, ROTATING_NANO_IP }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String password;
    private final AtomicInteger infoCalls = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int players = 2;
    private volatile double systemLoad = 0.2;
    private volatile boolean answering = true;
    private volatile Planner planner = Planner.ROTATING_IP;
    private volatile String blockSize = "16";
    private volatile List<Long> failingAt = List.of();
    private volatile int blockIndex;
    private volatile long uptime = 7_200_000;
    private volatile Hold statsHold;
    private final java.util.Map<String, String> fixtures = new java.util.concurrent.ConcurrentHashMap<>();

    private FakeLavalink(String password) throws IOException {
        this.password = password;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.executor = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("fake-lavalink-", 0).factory());
        server.setExecutor(executor);
        server.createContext("/v4/", this::answer);
        server.start();
    }

    public static FakeLavalink start(String password) {
        try {
            return new FakeLavalink(password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public FakeLavalink players(int count) {
        players = count;
        return this;
    }

    public FakeLavalink systemLoad(double load) {
        systemLoad = load;
        return this;
    }

    /** Whether it answers; when not, every call gets HTTP 503, as a node that is starting or broken. */
    public FakeLavalink answering(boolean answers) {
        answering = answers;
        return this;
    }

    public FakeLavalink planner(Planner kind, String size) {
        planner = kind;
        blockSize = size;
        return this;
    }

    /** {@code count} failing addresses that failed at {@code epochMillis}. */
    public FakeLavalink failing(int count, long epochMillis) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(epochMillis);
        }
        failingAt = List.copyOf(times);
        return this;
    }

    public FakeLavalink blockIndex(int index) {
        blockIndex = index;
        return this;
    }

    /** Answers {@code path} with a test resource as it is, instead of the scripted state. */
    public FakeLavalink fixture(String path, String resource) {
        fixtures.put(path, resource);
        return this;
    }

    /** The uptime /v4/stats reports from now on. */
    public FakeLavalink uptime(long millis) {
        uptime = millis;
        return this;
    }

    /** Holds the next /v4/stats request unanswered until {@link Hold#release()}; later ones are answered at once. */
    public Hold holdNextStats() {
        Hold hold = new Hold();
        statsHold = hold;
        return hold;
    }

    /** A /v4/stats request held unanswered, as by a slow node or network. */
    public static final class Hold {
        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        /** Waits until the held request has arrived. */
        public void awaitArrived() throws InterruptedException {
            if (!arrived.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no /v4/stats request arrived within 10 s");
            }
        }

        /** Lets the held request be answered. */
        public void release() {
            released.countDown();
        }

        private void hold() {
            arrived.countDown();
            try {
                if (!released.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("a held /v4/stats request was not released within 10 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How many times /v4/info was read. */
    public int infoCalls() {
        return infoCalls.get();
    }

    /** How many requests it received, answered or not. */
    public int calls() {
        return calls.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        try (exchange) {
            if (!answering) {
                send(exchange, 503, "");
                return;
            }
            if (!password.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                // Lavalink's own answer to a wrong password.
                send(exchange, 401, "{\"timestamp\":0,\"status\":401,\"error\":\"Unauthorized\",\"path\":\""
                        + exchange.getRequestURI().getPath() + "\"}");
                return;
            }
            String fixture = fixtures.get(exchange.getRequestURI().getPath());
            if (fixture != null) {
                send(exchange, 200, resource(fixture));
                return;
            }
            switch (exchange.getRequestURI().getPath()) {
                case "/v4/info" -> {
                    infoCalls.incrementAndGet();
                    send(exchange, 200, resource("/lavalink/info.json"));
                }
                case "/v4/stats" -> {
                    Hold hold = statsHold;
                    statsHold = null;
                    if (hold != null) {
                        hold.hold();
                    }
                    send(exchange, 200, stats());
                }
                case "/v4/routeplanner/status" -> {
                    if (planner == Planner.NONE) {
                        send(exchange, 204, "");
                    } else {
                        send(exchange, 200, routePlanner());
                    }
                }
                default -> send(exchange, 404, "{\"status\":404,\"error\":\"Not Found\"}");
            }
        }
    }

    private String stats() {
        return String.format(Locale.ROOT, """
                {"players":%d,"playingPlayers":%d,"uptime":%d,
                 "memory":{"free":200000000,"used":300000000,"allocated":500000000,"reservable":2000000000},
                 "cpu":{"cores":2,"systemLoad":%s,"lavalinkLoad":0.1}}""", players, players, uptime, systemLoad);
    }

    private String routePlanner() {
        StringBuilder failing = new StringBuilder();
        List<Long> times = failingAt;
        for (int i = 0; i < times.size(); i++) {
            failing.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"failingAddress\":\"/203.0.113.%d\",\"failingTimestamp\":%d,\"failingTime\":\"then\"}", i,
                    times.get(i)));
        }
        if (planner == Planner.ROTATING_NANO_IP) {
            return "{\"class\":\"RotatingNanoIpRoutePlanner\",\"details\":{\"ipBlock\":{\"type\":\"Inet6Address\","
                    + "\"size\":\"" + blockSize + "\"},\"failingAddresses\":[" + failing + "],\"blockIndex\":\""
                    + blockIndex + "\",\"currentAddressIndex\":\"36792023813\"}}";
        }
        return "{\"class\":\"RotatingIpRoutePlanner\",\"details\":{\"ipBlock\":{\"type\":\"Inet4Address\",\"size\":\""
                + blockSize + "\"},\"failingAddresses\":[" + failing + "],\"rotateIndex\":\"" + times.size()
                + "\",\"ipIndex\":\"" + times.size() + "\",\"currentAddress\":\"/203.0.113.9\"}}";
    }

    static String resource(String name) throws IOException {
        try (InputStream in = FakeLavalink.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
