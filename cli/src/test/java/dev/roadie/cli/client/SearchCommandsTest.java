package dev.roadie.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.roadie.cli.RoadieCommand;
import dev.roadie.hub.Hub;
import dev.roadie.hub.config.ConfigLoader;
import dev.roadie.model.wire.FrameCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code roadie search} and {@code roadie resolve} against a real hub whose providers talk to a local fake service. */
class SearchCommandsTest {
    @TempDir
    Path data;
    Hub hub;
    HttpServer music;
    final ExecutorService musicThreads =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("fake-music-", 0).factory());
    final Map<String, Integer> statusByPath = new HashMap<>();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws IOException {
        music = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        music.setExecutor(musicThreads);
        music.createContext("/", this::answer);
        music.start();
        String base = "http://127.0.0.1:" + music.getAddress().getPort();
        Map<String, String> settings = new HashMap<>(Map.of("host", "127.0.0.1", "port", "0", "data", data.toString()));
        settings.put("search.enabled", "deezer,itunes,links");
        settings.put("search.deezer.baseUrl", base + "/deezer");
        settings.put("search.itunes.baseUrl", base + "/itunes");
        settings.put("search.links.youtubeOembed", base + "/oembed/youtube");
        settings.put("search.links.allowedAddresses", "127.0.0.1");
        hub = Hub.start(ConfigLoader.load(null, data, Map.of(), settings));
    }

    @AfterEach
    void stop() {
        hub.close();
        music.stop(0);
        musicThreads.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String fixture = switch (path) {
                case "/deezer/search" -> "deezer-search.json";
                case "/oembed/youtube" -> "oembed-youtube.json";
                default -> null;
            };
            if (fixture == null) {
                exchange.sendResponseHeaders(statusByPath.getOrDefault(path, 404), -1);
                return;
            }
            byte[] body;
            try (InputStream resource = getClass().getResourceAsStream("/search/" + fixture)) {
                body = resource.readAllBytes();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream response = exchange.getResponseBody()) {
                response.write(body);
            }
        }
    }

    String hubUri() {
        return "ws://127.0.0.1:" + hub.port() + "/ws";
    }

    String token(String... scopes) {
        return hub.context().tokens().create("alice", "desktop", List.of(scopes)).token();
    }

    int run(String... args) {
        var roadie = RoadieCommand.commandLine();
        roadie.setOut(new PrintWriter(out, true));
        roadie.setErr(new PrintWriter(err, true));
        return roadie.execute(args);
    }

    @Test
    void search_prints_a_table_and_how_each_provider_fared() {
        statusByPath.put("/itunes/search", 500);

        int exit = run("search", "--hub", hubUri(), "--token", token("search"), "paper", "boats");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("TITLE", "ARTIST", "Paper Boats", "Harbour Lights", "3:22", "deezer")
                .contains("Café Lumière")
                .contains("Providers: ").contains("deezer ok (2)").contains("itunes failed (iTunes answered HTTP 500)");
    }

    @Test
    void search_json_prints_the_hubs_answer_on_one_line() {
        int exit = run("search", "--hub", "http://127.0.0.1:" + hub.port(), "--token", token("search"),
                "--provider", "deezer", "--limit", "1", "--json", "paper boats");

        assertThat(exit).isZero();
        assertThat(out.toString().strip()).hasLineCount(1);
        JsonNode answer = FrameCodec.DEFAULT.mapper().readTree(out.toString());
        assertThat(answer.get("tracks")).hasSize(1);
        assertThat(answer.get("providers").get(0).get("provider").asString()).isEqualTo("deezer");
    }

    @Test
    void search_exits_1_and_says_the_search_could_not_be_done_when_every_provider_failed() {
        statusByPath.put("/itunes/search", 503);

        int exit = run("search", "--hub", hubUri(), "--token", token("search"), "--provider", "itunes", "x");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).doesNotContain("No tracks found");
        assertThat(err.toString().strip()).isEqualTo("roadie search: the search could not be done, every provider"
                + " failed: itunes failed (iTunes answered HTTP 503)");
    }

    @Test
    void offline_providers_say_what_failed_and_never_null() throws IOException {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        hub.close();
        hub = Hub.start(ConfigLoader.load(null, data, Map.of(), Map.of("host", "127.0.0.1", "port", "0",
                "data", data.toString(), "search.enabled", "deezer,itunes",
                "search.deezer.baseUrl", "http://127.0.0.1:" + closed, "search.itunes.baseUrl", "http://itunes.invalid")));

        int exit = run("search", "--hub", hubUri(), "--token", token("search"), "daft", "punk");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("roadie search: the search could not be done, every provider failed: ")
                .contains("deezer failed (Deezer could not be reached: the connection was refused)")
                .contains("itunes failed (iTunes could not be reached: the host itunes.invalid does not resolve)")
                .doesNotContain("null");
    }

    @Test
    void a_token_without_the_search_scope_is_refused_in_one_line() {
        int exit = run("search", "--hub", hubUri(), "--token", token("registry"), "x");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("roadie search: the hub answered 403 forbidden: this token lacks"
                + " the scope search");
    }

    @Test
    void an_unknown_provider_is_named_with_the_installed_ones() {
        int exit = run("search", "--hub", hubUri(), "--token", token("search"), "--provider", "napster", "x");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("napster").contains("deezer");
    }

    @Test
    void resolve_prints_what_a_link_is() {
        int exit = run("resolve", "--hub", hubUri(), "--token", token("search"),
                "https://www.youtube.com/watch?v=pb0001");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Kind:     track")
                .contains("Title:    Harbour Lights - Paper Boats (Official Video)")
                .contains("Source:   youtube (the bot plays it directly)").contains("Found by: oembed");
    }

    @Test
    void resolve_json_and_a_refused_link() {
        int ok = run("resolve", "--hub", hubUri(), "--token", token("search"), "--json",
                "https://www.youtube.com/watch?v=pb0001");
        assertThat(ok).isZero();
        assertThat(FrameCodec.DEFAULT.mapper().readTree(out.toString()).get("kind").asString()).isEqualTo("track");

        int refused = run("resolve", "--hub", hubUri(), "--token", token("search"), "http://10.0.0.1/admin");
        assertThat(refused).isEqualTo(1);
        assertThat(err.toString()).contains("403 forbidden").contains("10.0.0.1");
    }

    @Test
    void resolve_says_when_the_text_is_not_a_link() {
        int exit = run("resolve", "--hub", hubUri(), "--token", token("search"), "not-a-link");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("roadie resolve: that is not a link");
    }

    @Test
    void resolve_says_when_the_links_host_does_not_resolve() {
        int exit = run("resolve", "--hub", hubUri(), "--token", token("search"), "https://nowhere.invalid/track/1");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("roadie resolve: the link could not be resolved: the host"
                + " nowhere.invalid does not resolve");
    }

    @Test
    void no_token_is_a_usage_error() {
        int exit = run("search", "--hub", hubUri(), "x");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("ROADIE_TOKEN");
    }

    @Test
    void the_socket_uri_becomes_the_http_address() {
        RestHub rest = new RestHub();
        rest.access = new HubAccess();
        rest.access.hubs = java.util.List.of(java.net.URI.create("wss://hub.example.org:8443/ws"));
        assertThat(rest.baseUrl()).hasToString("https://hub.example.org:8443");
        rest.access.hubs = java.util.List.of(java.net.URI.create("ws://localhost:7070/ws"));
        assertThat(rest.baseUrl()).hasToString("http://localhost:7070");
    }
}
