package dev.roadie.certs.deploy.testing;

import dev.roadie.model.wire.FrameCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The hub's certificate REST API as an admin uses it in tests: import a certificate, read its record. */
public final class CertificateApi {
    private final URI base;
    private final String token;

    /** @param base the hub's {@code http://HOST:PORT} */
    public CertificateApi(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The API of the hub whose socket is {@code ws://HOST:PORT/ws}. */
    public static CertificateApi forSocket(URI socket, String token) {
        return new CertificateApi(URI.create("http://" + socket.getRawAuthority()), token);
    }

    /** Imports {@code issued} as certificate {@code name} (a renewal when it exists): POST /api/certs/NAME/import. */
    public void importCertificate(String name, TestCertificates.Issued issued) {
        String body = FrameCodec.DEFAULT.mapper().writeValueAsString(Map.of("fullchainPem", issued.fullchainPem(),
                "privkeyPem", issued.privkeyPem()));
        HttpResponse<String> response = call(HttpRequest.newBuilder(base.resolve("/api/certs/" + name + "/import"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("import of " + name + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /** GET /api/certs/NAME. */
    public JsonNode info(String name) {
        HttpResponse<String> response = call(HttpRequest.newBuilder(base.resolve("/api/certs/" + name)).GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/certs/" + name + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return FrameCodec.DEFAULT.mapper().readTree(response.body());
    }

    /** The serial that {@code service} ({@code KIND/NAME}) reported last for certificate {@code name}, or null. */
    public String installedBy(String name, String service) {
        String serial = null;
        String latest = "";
        for (JsonNode installation : info(name).path("installations")) {
            String at = installation.path("installedAt").asString("");
            if (service.equals(installation.path("service").asString("")) && at.compareTo(latest) >= 0) {
                serial = installation.path("serial").asString(null);
                latest = at;
            }
        }
        return serial;
    }

    private HttpResponse<String> call(HttpRequest.Builder request) {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            return client.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
