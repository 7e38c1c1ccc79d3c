package dev.roadie.cli.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.certs.deploy.testing.CertificateApi;
import dev.roadie.certs.deploy.testing.TestCertificates;
import dev.roadie.model.wire.FrameCodec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code roadie certs watch} as it runs beside nginx: a process of its own, connected to a hub
 * process, which installs the certificate, follows a renewal and runs the reload each time.
 */
class CertsWatchIT {
    static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void certs_watch_installs_the_certificate_and_swaps_the_files_at_each_renewal() throws Exception {
        TestCertificates ca = TestCertificates.authority();
        try (HubProcess hub = HubProcess.start(dir.resolve("data"), "127.0.0.1", Map.of())) {
            CertificateApi admin = CertificateApi.forSocket(hub.uri(), hub.token("root", "admin", "admin"));
            TestCertificates.Issued first = ca.issue("example.org");
            importCertificate(admin, hub, first);
            Path out = dir.resolve("tls");
            Path reloads = dir.resolve("reloads");
            Process watch = roadie(hub.token("nginx-1", "web", "certs:example.org"), hub, "certs", "watch",
                    "--name", "example.org", "--out", out.toString(), "--reload",
                    "sh -c 'echo reloaded >> \"$0\"' " + reloads);
            List<JsonNode> events = new CopyOnWriteArrayList<>();
            Thread reader = Thread.ofPlatform().name("certs-watch-output").start(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(watch.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        events.add(FrameCodec.DEFAULT.mapper().readTree(line));
                    }
                } catch (java.io.IOException e) {
                    // The process ended: the assertions below say whether that was too early.
                }
            });
            try {
                await().atMost(WAIT).until(() -> installed(events, first.serial()));
                await().atMost(WAIT).until(() -> first.serial().equals(admin.installedBy("example.org",
                        "web/nginx-1")));

                TestCertificates.Issued renewed = ca.issue("example.org");
                importCertificate(admin, hub, renewed);

                await().atMost(WAIT).until(() -> installed(events, renewed.serial()));
                assertThat(TestCertificates.parse(Files.readString(out.resolve("fullchain.pem"))).getFirst())
                        .isEqualTo(renewed.leaf());
                assertThat(Files.readString(out.resolve("fullchain.pem.previous"))).isEqualTo(first.fullchainPem());
                assertThat(Files.readAllLines(reloads)).hasSize(2);
                await().atMost(WAIT).until(() -> renewed.serial().equals(admin.installedBy("example.org",
                        "web/nginx-1")));
                assertThat(watch.isAlive()).isTrue();
            } finally {
                watch.destroy();
                watch.waitFor(20, TimeUnit.SECONDS);
                reader.join(5000);
            }
        }
    }

    private static void importCertificate(CertificateApi admin, HubProcess hub, TestCertificates.Issued issued) {
        try {
            admin.importCertificate("example.org", issued);
        } catch (IllegalStateException e) {
            throw new AssertionError(e.getMessage() + "; the hub's log:\n" + hub.readLog(), e);
        }
    }

    private static boolean installed(List<JsonNode> events, String serial) {
        return events.stream().anyMatch(event -> "installed".equals(event.path("event").asString(""))
                && serial.equals(event.path("serial").asString("")));
    }

    private Process roadie(String token, HubProcess hub, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "--enable-native-access=ALL-UNNAMED", "-jar",
                Path.of("target", "roadie.jar").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("roadie-certs.err").toFile()));
        builder.environment().put("ROADIE_TOKEN", token);
        builder.environment().put("ROADIE_HUB", hub.uri().toString());
        return builder.start();
    }
}
