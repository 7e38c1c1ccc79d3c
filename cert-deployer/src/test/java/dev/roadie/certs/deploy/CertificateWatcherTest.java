package dev.roadie.certs.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.roadie.certs.deploy.testing.CertificateApi;
import dev.roadie.certs.deploy.testing.TestCertificates;
import dev.roadie.certs.deploy.testing.TlsServer;
import dev.roadie.client.ClientOptions;
import dev.roadie.client.RoadieClient;
import dev.roadie.client.testing.LiveHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher against a real hub: pushes on cert:NAME reach it, it installs, reloads, reports. */
class CertificateWatcherTest {
    static final TestCertificates CA = TestCertificates.authority();
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    LiveHub hub;
    CertificateApi admin;
    final List<RoadieClient> clients = new CopyOnWriteArrayList<>();
    final List<DeploymentEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        hub = LiveHub.start(dir.resolve("data"));
        admin = CertificateApi.forSocket(hub.uri(), hub.token("root", "admin", "admin"));
    }

    @AfterEach
    void stop() {
        clients.forEach(RoadieClient::close);
        hub.close();
    }

    RoadieClient client(String token) {
        RoadieClient client = RoadieClient.create(ClientOptions.builder().hub(hub.uri()).token(token)
                .clientName("watcher").build());
        clients.add(client);
        return client;
    }

    Path out() {
        return dir.resolve("tls");
    }

    /**
     * Records each call; fails while fullchain.pem holds a line of the file {@code refuse}, as a
     * service refusing one certificate (and happy with the previous one) would.
     */
    ReloadCommand reload() {
        return ReloadCommand.of(List.of("sh", "-c",
                "echo reload >> \"$0\"; if [ -e \"$1\" ] && grep -qF -f \"$1\" \"$2\"; then echo refused >&2; exit 1; fi",
                dir.resolve("reloads").toString(), dir.resolve("refuse").toString(),
                out().resolve("fullchain.pem").toString()));
    }

    List<String> reloads() throws Exception {
        return Files.exists(dir.resolve("reloads")) ? Files.readAllLines(dir.resolve("reloads")) : List.of();
    }

    DeploymentEvent awaitEvent(DeploymentEvent.Outcome outcome, String serial) {
        return await().atMost(WAIT).until(() -> events.stream()
                .filter(e -> e.event() == outcome && serial.equals(e.serial())).findFirst().orElse(null),
                java.util.Objects::nonNull);
    }

    @Test
    void a_renewal_reaches_the_watcher_which_swaps_the_files_reloads_checks_and_reports_the_new_serial()
            throws Exception {
        TestCertificates.Issued first = CA.issue("localhost");
        admin.importCertificate("web", first);
        try (TlsServer service = TlsServer.readingFiles(out())) {
            CertificateDeployer deployer = CertificateDeployer.builder(CertificateFiles.pem(out(), "web"))
                    .reload(reload()).check(ServedCertificateCheck.of(service.uri(), WAIT)).build();
            try (CertificateWatcher watcher = CertificateWatcher.start(client(hub.token("nginx-1", "web", "certs:web")),
                    deployer, events::add)) {
                awaitEvent(DeploymentEvent.Outcome.INSTALLED, first.serial());
                await().atMost(WAIT).until(() -> first.serial().equals(admin.installedBy("web", "web/nginx-1")));

                TestCertificates.Issued renewed = CA.issue("localhost");
                admin.importCertificate("web", renewed);

                DeploymentEvent installed = awaitEvent(DeploymentEvent.Outcome.INSTALLED, renewed.serial());
                assertThat(installed.files()).contains(out().resolve("fullchain.pem").toString());
                assertThat(TestCertificates.parse(Files.readString(out().resolve("fullchain.pem"))).getFirst())
                        .isEqualTo(renewed.leaf());
                assertThat(Files.readString(out().resolve("fullchain.pem.previous"))).isEqualTo(first.fullchainPem());
                assertThat(reloads()).hasSize(2);
                assertThat(ServedCertificateCheck.of(service.uri()).servedSerial()).isEqualTo(renewed.serial());
                await().atMost(WAIT).until(() -> renewed.serial().equals(admin.installedBy("web", "web/nginx-1")));
            }
        }
    }

    @Test
    void a_failing_reload_rolls_back_is_reported_to_the_listener_and_not_to_the_hub() throws Exception {
        TestCertificates.Issued first = CA.issue("localhost");
        admin.importCertificate("web", first);
        CertificateDeployer deployer = CertificateDeployer.builder(CertificateFiles.pem(out(), "web")).reload(reload())
                .build();
        try (CertificateWatcher watcher = CertificateWatcher.start(client(hub.token("nginx-1", "web", "certs:web")),
                deployer, events::add)) {
            awaitEvent(DeploymentEvent.Outcome.INSTALLED, first.serial());
            await().atMost(WAIT).until(() -> first.serial().equals(admin.installedBy("web", "web/nginx-1")));
            TestCertificates.Issued renewed = CA.issue("localhost");
            Files.writeString(dir.resolve("refuse"), renewed.fullchainPem().lines().skip(3).findFirst().orElseThrow());

            admin.importCertificate("web", renewed);

            DeploymentEvent failed = awaitEvent(DeploymentEvent.Outcome.FAILED, renewed.serial());
            assertThat(failed.stage()).isEqualTo(DeploymentStage.RELOAD);
            assertThat(failed.error()).contains("exited with 1: refused");
            assertThat(failed.rolledBack()).isTrue();
            assertThat(failed.rollbackError()).isNull();
            assertThat(Files.readString(out().resolve("fullchain.pem"))).isEqualTo(first.fullchainPem());
            assertThat(deployer.files().installedSerial()).hasValue(first.leaf().getSerialNumber().toString(16));
            assertThat(reloads()).hasSize(3);
            assertThat(admin.installedBy("web", "web/nginx-1")).isEqualTo(first.serial());
        }
    }

    @Test
    void a_watcher_started_again_finds_its_certificate_installed_and_does_nothing() throws Exception {
        TestCertificates.Issued issued = CA.issue("localhost");
        admin.importCertificate("web", issued);
        String token = hub.token("nginx-1", "web", "certs:web");
        CertificateDeployer deployer = CertificateDeployer.builder(CertificateFiles.pem(out(), "web")).reload(reload())
                .build();
        try (CertificateWatcher first = CertificateWatcher.start(client(token), deployer, events::add)) {
            awaitEvent(DeploymentEvent.Outcome.INSTALLED, issued.serial());
        }
        clients.getFirst().close();

        try (CertificateWatcher again = CertificateWatcher.start(client(token), deployer, events::add)) {
            awaitEvent(DeploymentEvent.Outcome.UNCHANGED, issued.serial());
            assertThat(reloads()).hasSize(1);
        }
    }

    @Test
    void a_token_without_the_certificate_scope_is_refused() {
        admin.importCertificate("web", CA.issue("localhost"));
        CertificateDeployer deployer = CertificateDeployer.builder(CertificateFiles.pem(out(), "web")).build();

        try (CertificateWatcher watcher = CertificateWatcher.start(client(hub.token("eve", "web", "subscribe:cert:*")),
                deployer, events::add)) {
            assertThatThrownBy(() -> watcher.ready().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasMessageContaining("forbidden");
            assertThat(out()).doesNotExist();
        }
    }
}
