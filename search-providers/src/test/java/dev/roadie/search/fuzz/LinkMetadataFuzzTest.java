package dev.roadie.search.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.roadie.search.http.AddressGuard;
import dev.roadie.search.http.FetchPolicy;
import dev.roadie.search.http.Fetcher;
import dev.roadie.search.http.HostResolver;
import dev.roadie.search.link.LinkResolver;
import dev.roadie.search.link.OEmbedEndpoints;
import dev.roadie.search.spi.LinkResolution;
import dev.roadie.search.spi.ProviderException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * the page and its redirects, gets that response, from memory; every host resolves to a public
 * address, so the real address guard lets it through. Corpus: {@code LinkMetadataFuzzTestInputs/}.
 */
class LinkMetadataFuzzTest {
    private static final Pattern HEADER = Pattern.compile("([A-Za-z][A-Za-z0-9-]*): ?(.*)");
    private static final FetchPolicy POLICY =
            new FetchPolicy(Duration.ofSeconds(5), 64_000, 3, FetchPolicy.DEFAULT_USER_AGENT);
    private static final HostResolver PUBLIC_DNS =
            host -> List.of(InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 215, 14}));

    @BeforeAll
    static void quiet() {
        // Every malformed JSON-LD block is logged at debug, the default level without a logback-test.xml.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("dev.roadie")).setLevel(Level.WARN);
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
        CannedHttpClient web = new CannedHttpClient(status, headers, body.getBytes(StandardCharsets.UTF_8));
        LinkResolver resolver = new LinkResolver(OEmbedEndpoints.PUBLIC,
                new Fetcher(web, "the linked site", POLICY, null, new AddressGuard(PUBLIC_DNS, Set.of())));

        Optional<LinkResolution> found;
        try {
            found = resolver.resolve(link);
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

    private static int statusOf(String text) {
        try {
            int status = Integer.parseInt(text.strip());
            return status >= 100 && status <= 599 ? status : 200;
        } catch (NumberFormatException e) {
            return 200;
        }
    }
}
