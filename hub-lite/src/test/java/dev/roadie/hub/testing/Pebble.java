package dev.roadie.hub.testing;

import static org.awaitility.Awaitility.await;

import dev.roadie.hub.certs.Pem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real ACME CA for tests: Debian's {@code pebble} and {@code pebble-challtestsrv} on loopback
 * ports, Pebble resolving names through the test server's DNS, and its own TLS certificate
 * made on the spot. {@link #txt} sets the TXT records Pebble will find.
 */
public final class Pebble implements AutoCloseable {
    private static final String PEBBLE = "/usr/bin/pebble";
    private static final String CHALLTESTSRV = "/usr/bin/pebble-challtestsrv";

    private final Path folder;
    private final TestCertificates.Issued tlsCa;
    private final int acmePort;
    private final int managementPort;
    private final int challengeManagementPort;
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient client;

    private Pebble(Path folder, Duration validity) throws IOException {
        for (String program : List.of(PEBBLE, CHALLTESTSRV)) {
            if (!Files.isExecutable(Path.of(program))) {
                throw new AssertionError(program + " is missing: install the Debian package pebble"
                        + " (apt-get install pebble); bin/test does it when run as root");
            }
        }
        this.folder = folder;
        this.tlsCa = TestCertificates.ca("Pebble test listener CA");
        TestCertificates.Issued listener = TestCertificates.leaf(tlsCa, List.of("localhost", "127.0.0.1"),
                Duration.ofDays(1));
        Files.writeString(folder.resolve("listener.pem"), Pem.certificates(List.of(listener.certificate())));
        Files.writeString(folder.resolve("listener.key"), Pem.privateKey(listener.keys().getPrivate()));
        Files.writeString(trustedCaFile(), Pem.certificates(List.of(tlsCa.certificate())));
        this.acmePort = freePort();
        this.managementPort = freePort();
        this.challengeManagementPort = freePort();
        int dnsPort = freePort();
        Files.writeString(folder.resolve("pebble.json"), """
                {"pebble":{"listenAddress":"127.0.0.1:%d","managementListenAddress":"127.0.0.1:%d",
                "certificate":"%s","privateKey":"%s","httpPort":5002,"tlsPort":5001,"ocspResponderURL":"",
                "externalAccountBindingRequired":false,"certificateValidityPeriod":%d}}
                """.formatted(acmePort, managementPort, folder.resolve("listener.pem"), folder.resolve("listener.key"),
                validity.toSeconds()));
        this.client = HttpClient.newBuilder().sslContext(trusting(tlsCa.certificate()))
                .connectTimeout(Duration.ofSeconds(5)).build();
        start(folder.resolve("challtestsrv.log"), CHALLTESTSRV, "-dns01", "127.0.0.1:" + dnsPort, "-management",
                "127.0.0.1:" + challengeManagementPort, "-http01", "", "-https01", "", "-tlsalpn01", "");
        start(folder.resolve("pebble.log"), PEBBLE, "-config", folder.resolve("pebble.json").toString(), "-dnsserver",
                "127.0.0.1:" + dnsPort);
        await("pebble and challtestsrv answering").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().until(() -> get(directoryUrl()).statusCode() == 200
                        && post("http://127.0.0.1:" + challengeManagementPort + "/clear-txt",
                                "{\"host\":\"warmup.test.\"}") == 200);
    }

    /** Starts Pebble issuing certificates valid for {@code validity}, in {@code folder}. */
    public static Pebble start(Path folder, Duration validity) {
        try {
            return new Pebble(folder, validity);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ACME directory URL. */
    public String directoryUrl() {
        return "https://127.0.0.1:" + acmePort + "/dir";
    }

    /** The PEM file of the CA of Pebble's own TLS certificate (for {@code certs.trustedCa}). */
    public Path trustedCaFile() {
        return folder.resolve("listener-ca.pem");
    }

    /** The root Pebble issues under (it changes on every start). */
    public X509Certificate issuingRoot() {
        HttpResponse<String> response = get("https://127.0.0.1:" + managementPort + "/roots/0");
        return Pem.parseChain(response.body()).getFirst();
    }

    /** The test DNS server's management URL ({@code /set-txt}, {@code /clear-txt}). */
    public String challengeServerUrl() {
        return "http://127.0.0.1:" + challengeManagementPort;
    }

    /** Adds a TXT record value at {@code fqdn} (with the final dot) in the test DNS. */
    public void txt(String fqdn, String value) {
        post("http://127.0.0.1:" + challengeManagementPort + "/set-txt",
                "{\"host\":\"" + fqdn + "\",\"value\":\"" + value + "\"}");
    }

    /** Removes every TXT record at {@code fqdn}. */
    public void clearTxt(String fqdn) {
        post("http://127.0.0.1:" + challengeManagementPort + "/clear-txt", "{\"host\":\"" + fqdn + "\"}");
    }

    private HttpResponse<String> get(String url) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int post(String url, String json) {
        try {
            int status = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status != 200) {
                throw new IllegalStateException(url + " answered " + status);
            }
            return status;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void start(Path log, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PEBBLE_VA_NOSLEEP", "1");
        builder.environment().put("PEBBLE_WFE_NONCEREJECT", "0");
        // Every order proves its names again, so that renewals run the DNS-01 path too.
        builder.environment().put("PEBBLE_AUTHZREUSE", "0");
        processes.add(builder.start());
    }

    /** An SSL context trusting only {@code ca}. */
    public static SSLContext trusting(X509Certificate ca) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("ca", ca);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A readable end of the logs, for failure messages. */
    public String logs() {
        StringBuilder out = new StringBuilder();
        for (String name : List.of("pebble.log", "challtestsrv.log")) {
            try {
                String text = Files.readString(folder.resolve(name));
                out.append("--- ").append(name).append('\n')
                        .append(text.length() > 4000 ? text.substring(text.length() - 4000) : text);
            } catch (IOException e) {
                out.append("(no ").append(name).append(": ").append(e.getMessage()).append(")\n");
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
