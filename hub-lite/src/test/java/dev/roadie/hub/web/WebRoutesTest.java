package dev.roadie.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.WireClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The web folder served by a real hub, read over raw HTTP/1.1 so that paths reach the server
 * exactly as written (an HTTP client would tidy {@code ..} away before sending).
 */
class WebRoutesTest {
    @RegisterExtension
    final HubExtension hub = HubExtension.withDefaults();

    @Test
    void the_root_serves_the_page_as_html_with_the_security_headers_and_no_cache() throws IOException {
        RawResponse page = get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("content-type")).startsWith("text/html");
        assertThat(page.body().toLowerCase(Locale.ROOT)).contains("<!doctype html>");
        assertThat(page.header("content-security-policy")).isEqualTo(WebRoutes.CONTENT_SECURITY_POLICY)
                .contains("script-src 'self';").doesNotContain("unsafe-inline").contains("frame-ancestors 'none'");
        assertThat(page.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(page.header("referrer-policy")).isEqualTo("no-referrer");
        assertThat(page.header("cache-control")).isEqualTo("no-cache");
    }

    @Test
    void the_client_module_is_served_as_javascript_with_an_etag_that_revalidates() throws IOException {
        RawResponse script = get("/js/roadie-client.js");

        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("content-type")).startsWith("text/javascript");
        assertThat(script.body()).contains("export class RoadieClient");
        assertThat(script.header("content-security-policy")).isEqualTo(WebRoutes.CONTENT_SECURITY_POLICY);
        String etag = script.header("etag");
        assertThat(etag).isNotBlank();

        RawResponse again = request("GET /js/roadie-client.js HTTP/1.1", Map.of("If-None-Match", etag));
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void the_client_helpers_are_served_beside_it() throws IOException {
        for (String helper : new String[] {"backoff", "calls", "checks", "connector", "dispatch", "errors", "ids", "outbox",
            "protocol", "rate-gate", "recent", "registrations"}) {
            RawResponse module = get("/js/roadie/" + helper + ".js");
            assertThat(module.status()).as(helper).isEqualTo(200);
            assertThat(module.header("content-type")).as(helper).startsWith("text/javascript");
        }
    }

    @Test
    void unknown_paths_are_not_found_and_still_carry_the_security_headers() throws IOException {
        RawResponse missing = get("/no-such-page.html");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("content-security-policy")).isEqualTo(WebRoutes.CONTENT_SECURITY_POLICY);
        assertThat(missing.header("x-content-type-options")).isEqualTo("nosniff");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/js/", "/js", "/js/roadie/"})
    void folders_are_not_listed(String folder) throws IOException {
        RawResponse listing = get(folder);

        assertThat(listing.status()).isIn(403, 404);
        assertThat(listing.body()).doesNotContain("roadie-client.js").doesNotContain("outbox.js");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/../config/roadie-defaults.yml",
        "/..%2fconfig%2froadie-defaults.yml",
        "/js/../../config/roadie-defaults.yml",
        "/js/..%2f..%2fconfig/roadie-defaults.yml",
        "/%2e%2e/config/roadie-defaults.yml",
        "/js/%2e%2e/%2e%2e/config/roadie-defaults.yml",
        "/..\\config\\roadie-defaults.yml",
        "/../../dev/roadie/hub/Hub.class",
    })
    void paths_that_climb_out_of_the_web_folder_serve_nothing(String path) throws IOException {
        RawResponse escape = get(path);

        assertThat(escape.status()).as(path).isIn(400, 404);
        assertThat(escape.body()).as(path).doesNotContain("resumeWindow").doesNotContain("heartbeat");
    }

    @Test
    void the_api_keeps_its_json_answers_and_gets_none_of_the_page_headers() throws IOException {
        RawResponse health = get("/api/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.header("content-type")).startsWith("application/json");
        assertThat(health.header("content-security-policy")).isNull();

        RawResponse unknown = get("/api/no-such-endpoint");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"code\":\"not-found\"");

        Http.Response unauthorized = Http.to(hub).get("/api/services", null);
        assertThat(unauthorized.status()).isEqualTo(401);
    }

    @Test
    void the_socket_still_answers_at_ws() {
        try (WireClient client = WireClient.authenticated(hub.port(), hub.token("tab", "web"))) {
            assertThat(client.welcome().session()).isNotBlank();
        }
    }

    private RawResponse get(String path) throws IOException {
        return request("GET " + path + " HTTP/1.1", Map.of());
    }

    /** One request on its own connection, written byte for byte as given. */
    private RawResponse request(String requestLine, Map<String, String> headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", hub.port())) {
            socket.setSoTimeout(15_000);
            StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: 127.0.0.1:").append(hub.port())
                    .append("\r\nConnection: close\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return RawResponse.read(socket.getInputStream());
        }
    }

    /** A response as read off the socket: status, headers (lower-case names) and the body, de-chunked. */
    record RawResponse(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name);
        }

        static RawResponse read(InputStream in) throws IOException {
            byte[] all = in.readAllBytes();
            int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            String head = new String(all, 0, end < 0 ? all.length : end, StandardCharsets.ISO_8859_1);
            byte[] body = end < 0 ? new byte[0] : Arrays.copyOfRange(all, end + 4, all.length);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunk(body);
            }
            return new RawResponse(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        private static byte[] dechunk(byte[] chunked) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] crlf = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
            int at = 0;
            while (at < chunked.length) {
                int lineEnd = indexOf(chunked, crlf, at);
                String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
                int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                body.write(chunked, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
            return body.toByteArray();
        }

        private static int indexOf(byte[] data, byte[] pattern, int from) {
            outer:
            for (int i = from; i <= data.length - pattern.length; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (data[i + j] != pattern[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
