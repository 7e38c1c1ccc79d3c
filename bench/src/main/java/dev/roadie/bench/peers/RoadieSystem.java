package dev.roadie.bench.peers;

import dev.roadie.client.ClientOptions;
import dev.roadie.client.RoadieClient;
import dev.roadie.model.wire.FrameCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Roadie hub as users run it ({@code java -jar cli/target/roadie.jar serve}, with the start-up
 * cache {@code bin/roadie} uses on JDK 25 and newer), driven through
 * the SDK. Every connection uses the admin token of a fresh data folder under an identity of
 * its own ({@code bench/NAME}).
 */
public final class RoadieSystem implements SystemUnderTest {
    /**
     * Settings changed from the defaults, and why: the load comes from one machine, through a
     * few loopback addresses, faster than any one real client sends.
     */
    public static final Map<String, String> SETTINGS = settings();
    /** JVM options for the hub's start-up cache, as bin/roadie uses them; set by bin/bench, empty before JDK 25. */
    static final String START_CACHE_PROPERTY = "roadie.bench.hubStartCache";

    private final BenchEnv env;
    /** Names its data folders and logs: several hubs of one run (a cluster) each need their own. */
    private final String name;
    private final AtomicInteger runs = new AtomicInteger();
    private ServerProcess process;
    private int port;
    private Path data;
    private String token;

    public RoadieSystem(BenchEnv env) {
        this(env, "roadie");
    }

    /** A hub whose data folders and logs are named {@code name-N}, beside others of the same run. */
    public RoadieSystem(BenchEnv env, String name) {
        this.env = env;
        this.name = name;
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("limits.framesPerSecond", "1000000");
        settings.put("limits.frameBurst", "1000000");
        settings.put("limits.connectionsPerAddress", "30000");
        settings.put("limits.maxConnections", "30000");
        settings.put("sessions.hellosPerSecond", "100000");
        settings.put("sessions.helloBurst", "100000");
        settings.put("sessions.hellosPerSecondPerToken", "100000");
        settings.put("sessions.helloBurstPerToken", "100000");
        settings.put("sessions.hellosPerSecondPerAddress", "100000");
        settings.put("sessions.helloBurstPerAddress", "100000");
        settings.put("limits.helloPendingPerAddress", "30000");
        return Map.copyOf(settings);
    }

    @Override
    public String id() {
        return "roadie";
    }

    @Override
    public String label() {
        return "Roadie hub (SDK)";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.DIRECT, Capability.FAN_OUT, Capability.REQUEST, Capability.GATHER);
    }

    @Override
    public ServerProcess start() {
        return start(Map.of());
    }

    /** Starts a fresh hub with these settings on top of the benchmark's. */
    public ServerProcess start(Map<String, String> extra) {
        return start(extra, null);
    }

    /**
     * Starts a fresh hub that joins a cluster whose hubs share their tokens: it takes the
     * cluster's tokens in before its first-start check and so writes no admin token of its own;
     * {@code clusterToken} (another hub's admin token) is used instead.
     */
    public ServerProcess start(Map<String, String> extra, String clusterToken) {
        int run = runs.incrementAndGet();
        data = env.work(name + "-" + run).resolve("data");
        port = ServerProcess.freePort();
        Map<String, String> all = new LinkedHashMap<>(SETTINGS);
        all.putAll(extra);
        settingsInUse = all;
        process = launch(name + "-" + run);
        try {
            token = clusterToken != null && !Files.exists(data.resolve("admin.token")) ? clusterToken
                    : Files.readString(data.resolve("admin.token")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("the hub wrote no admin token in " + data, e);
        }
        return process;
    }

    private Map<String, String> settingsInUse = SETTINGS;

    /** Starts the hub again on the same port and data folder (after {@link ServerProcess#kill()} or close). */
    public ServerProcess restart() {
        process = launch(name + "-" + runs.get() + "-restarted");
        return process;
    }

    private ServerProcess launch(String logName) {
        try {
            // Owner only, as the hub advises for a data folder holding tokens.
            Files.createDirectories(data, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(env.java().toString(), "--enable-native-access=ALL-UNNAMED"));
        // The start-up cache bin/roadie starts the hub with (bin/bench records it the same way); then,
        // for profiling the hub under the benchmark, e.g. -Droadie.bench.hubJavaOptions=-XX:StartFlightRecording=...
        for (String property : List.of(START_CACHE_PROPERTY, "roadie.bench.hubJavaOptions")) {
            String extra = System.getProperty(property, "").strip();
            if (!extra.isEmpty()) {
                command.addAll(List.of(extra.split("\\s+")));
            }
        }
        command.addAll(List.of("-jar", jar().toString(), "serve", "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--data", data.toString()));
        settingsInUse.forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
        return new ServerProcess(logName, command, data.getParent(), env.log(logName))
                .start(ServerProcess.Readiness.http(URI.create("http://127.0.0.1:" + port + "/api/health")));
    }

    private Path jar() {
        Path jar = env.root().resolve("cli/target/roadie.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw -q -B -ntp package -DskipTests -pl cli -am (bin/bench does)");
        }
        return jar;
    }

    public URI uri() {
        return URI.create("ws://127.0.0.1:" + port + "/ws");
    }

    public int port() {
        return port;
    }

    public String token() {
        return token;
    }

    /**
     * Creates a token of its own for the client {@code bench/NAME}, through the hub's REST API, as
     * a real service has. The hub keeps a durable message only for a service it knows (one a token
     * names, or announced): a client on the admin token under a chosen identity is not known while
     * it is away, for example just after a hub restart, before it reconnected.
     */
    public String createToken(String name) {
        String body = "{\"name\":\"" + name + "\",\"kind\":\"bench\",\"scopes\":[]}";
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/tokens"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201 && response.statusCode() != 200) {
                throw new IllegalStateException("the hub refused to create the token for bench/" + name + ": "
                        + response.statusCode() + " " + response.body());
            }
            return FrameCodec.DEFAULT.mapper().readTree(response.body()).path("token").asString();
        } catch (IOException e) {
            throw new UncheckedIOException("creating the token for bench/" + name + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Options for a client named {@code name} connecting to {@code hub}. */
    public ClientOptions.Builder options(URI hub, String name) {
        return ClientOptions.builder().hub(hub).token(token).identity("bench", name).clientName(name);
    }

    @Override
    public Peer connect(String name) {
        RoadieClient client = RoadieClient.create(options(uri(), name).build());
        try {
            client.awaitConnected(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        return new RoadiePeer(client);
    }

    @Override
    public IdleConnections idle() {
        return IdleWebSockets.roadie(uri(), token);
    }

    @Override
    public boolean jvm() {
        return true;
    }

    @Override
    public Map<String, String> versions() {
        String cache = System.getProperty(START_CACHE_PROPERTY, "").isBlank() ? "no start-up cache (JDK before 25)"
                : "started from its start-up cache (JDK AOT cache), as bin/roadie starts it";
        return Map.of("roadie", Versions.roadieCommit(env.root()) + ", " + cache,
                "client", "hub-client (SDK) " + Versions.ROADIE_VERSION);
    }

    @Override
    public Map<String, String> changedSettings() {
        Map<String, String> why = new LinkedHashMap<>();
        why.put("limits.framesPerSecond=1000000, limits.frameBurst=1000000",
                "one benchmark connection sends thousands of frames a second; the default (200/s) protects against abusive clients");
        why.put("limits.connectionsPerAddress=30000, limits.maxConnections=30000",
                "every connection comes from a few loopback addresses, and the idle scenario opens up to 20,000");
        why.put("sessions.hellosPerSecond=100000, sessions.helloBurst=100000",
                "thousands of idle connections are opened at once; the default (100/s) spreads a reconnect storm");
        why.put("sessions.hellosPerSecondPerToken=100000, sessions.helloBurstPerToken=100000, "
                + "sessions.hellosPerSecondPerAddress=100000, sessions.helloBurstPerAddress=100000",
                "every benchmark connection uses one admin token from loopback; the defaults keep one token or"
                        + " address from spending the hub's hello budget");
        why.put("limits.helloPendingPerAddress=30000",
                "thousands of connections from loopback wait for their hello at once; the default (8) protects"
                        + " an address's clients from sockets that never say hello");
        return why;
    }
}
