package dev.roadie.search.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.search.builtin.DeezerProvider;
import dev.roadie.search.spi.ProviderException;
import dev.roadie.search.spi.SearchQuery;
import dev.roadie.search.testing.FakeService;
import dev.roadie.search.testing.Fetchers;
import java.io.IOException;
import java.net.InetAddress;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a provider says when its service cannot be asked: the kind of failure, never "null" or the network's text. */
class FetchFailureTest {

    private final FakeService service = new FakeService();

    @AfterEach
    void stop() {
        service.close();
    }

    private static DeezerProvider deezerAt(String baseUrl, Duration timeout) {
        return new DeezerProvider(URI.create(baseUrl), new Fetcher(Fetchers.CLIENTS, "Deezer",
                new FetchPolicy(timeout, 1_000_000, 3, FetchPolicy.DEFAULT_USER_AGENT), null, null));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void a_closed_port_says_the_connection_was_refused() throws IOException {
        DeezerProvider deezer = deezerAt("http://127.0.0.1:" + closedPort(), Duration.ofSeconds(5));

        assertThatThrownBy(() -> deezer.search(new SearchQuery("daft punk", 5)))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Deezer could not be reached: the connection was refused");
    }

    @Test
    void a_name_that_does_not_resolve_says_so() {
        DeezerProvider deezer = deezerAt("http://api.deezer.invalid", Duration.ofSeconds(5));

        assertThatThrownBy(() -> deezer.search(new SearchQuery("daft punk", 5)))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Deezer could not be reached: the host api.deezer.invalid does not resolve");
    }

    @Test
    void https_to_a_server_that_speaks_plain_text_is_a_tls_failure() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answering = Thread.ofVirtual().name("plain-text-server").start(() -> {
                try (Socket client = plain.accept()) {
                    // Read the TLS hello first and close only after the client did: a server that
                    // answers and hangs up at once may be seen as closing before it answered.
                    client.setSoTimeout(5_000);
                    client.getInputStream().read(new byte[4096]);
                    client.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    client.getOutputStream().flush();
                    client.getInputStream().readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            DeezerProvider deezer = deezerAt("https://127.0.0.1:" + plain.getLocalPort(), Duration.ofSeconds(5));

            assertThatThrownBy(() -> deezer.search(new SearchQuery("daft punk", 5)))
                    .isInstanceOf(ProviderException.class)
                    .hasMessage("Deezer could not be reached: the secure connection (TLS) could not be set up");
            answering.join(Duration.ofSeconds(5));
        }
    }

    @Test
    void a_service_that_hangs_past_the_deadline_says_how_long_it_was_given() {
        service.on("/search", FakeService.Answer.never());
        DeezerProvider deezer = deezerAt(service.baseUrl().toString(), Duration.ofMillis(300));

        assertThatThrownBy(() -> deezer.search(new SearchQuery("daft punk", 5)))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Deezer did not answer within 300 ms");
    }

    @Test
    void an_http_error_names_the_status() {
        service.on("/search", FakeService.Answer.status(503, java.util.Map.of()));
        DeezerProvider deezer = deezerAt(service.baseUrl().toString(), Duration.ofSeconds(5));

        assertThatThrownBy(() -> deezer.search(new SearchQuery("daft punk", 5)))
                .isInstanceOf(HttpStatusException.class)
                .hasMessage("Deezer answered HTTP 503");
    }
}
