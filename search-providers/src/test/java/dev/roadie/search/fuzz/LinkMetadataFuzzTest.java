package dev.roadie.search.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.roadie.search.http.AddressGuard;
import dev.roadie.search.http.AllowedAddresses;
import dev.roadie.search.http.FetchClients;
import dev.roadie.search.http.FetchPolicy;
import dev.roadie.search.http.Fetcher;
import dev.roadie.search.http.HostResolver;
import dev.roadie.search.link.LinkResolver;
import dev.roadie.search.link.OEmbedEndpoints;
import dev.roadie.search.spi.LinkResolution;
import dev.roadie.search.spi.ProviderException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.slf4j.LoggerFactory;

/**
 * A link a user pastes makes the hub read a page or an oEmbed answer that anyone on the web
 * writes: HTML with OpenGraph tags and JSON-LD, or JSON.
 *
 * <p>Invariant: {@link LinkResolver#resolve} either finds nothing, finds a track with a
 * title, or throws {@link ProviderException} (which the search turns into a per-provider
 * error); any other exception from what a web site answers is a bug.
 *
 * <p>Each input reads like an HTTP exchange: the first line is the link the user pasted, then
 * response header lines ({@code Status: 302}, {@code Content-Type: text/html},
 * {@code Location: ...}) up to an empty line, then the body. Every request, the oEmbed one or
 * the page and its redirects, gets that response from one local server: every host resolves to
 * 127.0.0.1, which the guard is told to allow, and the link is sent there over plain HTTP with
 * its host kept, so the real fetcher, guard and HTTP client run as they do in the hub.
 * Corpus: {@code LinkMetadataFuzzTestInputs/}.
 */
class LinkMetadataFuzzTest {
    private static final Pattern HEADER = Pattern.compile("([A-Za-z][A-Za-z0-9-]*): ?(.*)");
    private static final FetchPolicy POLICY =
            new FetchPolicy(Duration.ofSeconds(5), 64_000, 3, FetchPolicy.DEFAULT_USER_AGENT);
    private static final HostResolver EVERYTHING_HERE =
            host -> List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));

    /** What the local server answers to every request now: one fuzz input at a time. */
    private static volatile Canned answer = new Canned(200, Map.of(), new byte[0]);
    private static HttpServer web;
    private static FetchClients clients;
    private static LinkResolver resolver;

    private record Canned(int status, Map<String, List<String>> headers, byte[] body) {
    }

    @BeforeAll
    static void start() throws IOException {
        // Every malformed JSON-LD block is logged at debug, the default level without a logback-test.xml.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("dev.roadie")).setLevel(Level.WARN);
        web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        web.createContext("/", LinkMetadataFuzzTest::answer);
        web.start();
        clients = new FetchClients(Duration.ofSeconds(2));
        URI oembed = URI.create("http://127.0.0.1:" + web.getAddress().getPort() + "/oembed");
        resolver = new LinkResolver(new OEmbedEndpoints(oembed, oembed, oembed, oembed),
                new Fetcher(clients, "the linked site", POLICY, null, new AddressGuard(EVERYTHING_HERE,
                        AllowedAddresses.parse("search.links.allowedAddresses", "127.0.0.1"))));
    }

    @AfterAll
    static void stop() {
        web.stop(0);
        clients.close();
    }

    @FuzzTest(maxDuration = "15s")
    // Words of the format for the fuzzer to splice in; none holds a newline, which Jazzer cannot pass on.
    @DictionaryEntries({"Status: 302", "Location: ", "Content-Type: text/html", "<script type=\"application/ld+json\">",
        "\"@type\":\"MusicRecording\"", "\"@type\":\"MusicAlbum\"", "\"duration\":\"PT", "H", "M", "S",
        "\"byArtist\":{\"name\":", "\"image\":[", "<meta property=\"og:title\" content=\"", "og:type", "music.album",
        "\"title\":", "\"duration\":", "\"thumbnail_url\":", "https://www.youtube.com/watch?v=", "https://vimeo.com/"})
    void any_page_or_oembed_answer_resolves_or_fails_with_a_provider_exception(byte[] input) {
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", -1);
        String link = lines[0];
        int status = 200;
        // Header names are case-insensitive, as HttpHeaders requires of its map.
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int line = 1;
        for (; line < lines.length && !lines[line].isEmpty(); line++) {
            Matcher header = HEADER.matcher(lines[line]);
            if (!header.matches()) {
                continue;
            }
            if (header.group(1).equalsIgnoreCase("Status")) {
                status = statusOf(header.group(2));
            } else {
                headers.computeIfAbsent(header.group(1), name -> new ArrayList<>()).add(header.group(2));
            }
        }
        String body = line + 1 < lines.length ? String.join("\n", List.of(lines).subList(line + 1, lines.length)) : "";
        answer = new Canned(status, headers, body.getBytes(StandardCharsets.UTF_8));

        Optional<LinkResolution> found;
        try {
            found = resolver.resolve(toLocalServer(link));
        } catch (ProviderException refused) {
            assertThat(refused.getMessage()).as("why the link was not resolved").isNotBlank();
            return;
        }
        found.ifPresent(resolution -> {
            assertThat(resolution.track().title()).isNotBlank();
            assertThat(resolution.kind()).isNotNull();
            assertThat(resolution.method()).isNotBlank();
            assertThat(resolution.track().durationMs()).as("the track's length").isNotNegative();
        });
    }

    /** The link with its host kept and its scheme and port those of the local server; else as it was. */
    private static String toLocalServer(String link) {
        try {
            URI uri = new URI(link);
            if (uri.getHost() == null) {
                return link;
            }
            return new URI("http", null, uri.getHost(), web.getAddress().getPort(), uri.getRawPath(), null, null)
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (URISyntaxException e) {
            return link;
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        Canned now = answer;
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            now.headers().forEach((name, values) -> {
                // The server writes its own length; a header it cannot write is left out.
                if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Transfer-Encoding")) {
                    values.forEach(value -> addIfWritable(exchange, name, value));
                }
            });
            boolean noBody = now.status() == 204 || now.status() == 304 || exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(now.status(), noBody ? -1 : now.body().length == 0 ? -1 : now.body().length);
            if (!noBody) {
                out.write(now.body());
            }
        }
    }

    private static void addIfWritable(HttpExchange exchange, String name, String value) {
        try {
            exchange.getResponseHeaders().add(name, value);
        } catch (IllegalArgumentException e) {
            // A value with control characters: the server refuses it, and so would any real one.
            LoggerFactory.getLogger(LinkMetadataFuzzTest.class).trace("Header {} left out: {}", name, e.getMessage());
        }
    }

    private static int statusOf(String text) {
        try {
            int status = Integer.parseInt(text.strip());
            return status >= 200 && status <= 599 ? status : 200;
        } catch (NumberFormatException e) {
            return 200;
        }
    }
}
