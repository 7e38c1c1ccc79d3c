package dev.roadie.certs.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.certs.deploy.testing.TestCertificates;
import dev.roadie.certs.deploy.testing.TlsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateDeployerTest {
    static final TestCertificates CA = TestCertificates.authority();

    @TempDir
    Path dir;

    Path out() {
        return dir.resolve("out");
    }

    /** A reload that records each call, then exits with {@code exit}. */
    ReloadCommand recordingReload(int exit) {
        return ReloadCommand.of(List.of("sh", "-c", "echo reload >> \"$0\"; exit " + exit, dir.resolve("calls")
                .toString()));
    }

    List<String> reloads() throws Exception {
        return Files.exists(dir.resolve("calls")) ? Files.readAllLines(dir.resolve("calls")) : List.of();
    }

    @Test
    void installs_reloads_and_confirms_the_new_serial_is_served() throws Exception {
        TestCertificates.Issued first = CA.issue("localhost");
        CertificateFiles.pem(out(), "web").install(first.bundle("web"));
        try (TlsServer service = TlsServer.readingFiles(out())) {
            CertificateDeployer deployer = CertificateDeployer.builder(CertificateFiles.pem(out(), "web"))
                    .reload(recordingReload(0)).check(ServedCertificateCheck.of(service.uri(), Duration.ofSeconds(20)))
                    .build();
            TestCertificates.Issued renewed = CA.issue("localhost");

            DeploymentEvent event = deployer.deploy(renewed.bundle("web"));

            assertThat(event.event()).isEqualTo(DeploymentEvent.Outcome.INSTALLED);
            assertThat(event.serial()).isEqualTo(renewed.serial());
            assertThat(event.files()).containsExactly(out().resolve("fullchain.pem").toString(),
                    out().resolve("privkey.pem").toString());
            assertThat(reloads()).hasSize(1);
            assertThat(ServedCertificateCheck.of(service.uri()).servedSerial())
                    .isEqualTo(renewed.leaf().getSerialNumber().toString(16));
        }
    }

    @Test
    void a_serial_already_installed_is_left_alone() throws Exception {
        TestCertificates.Issued issued = CA.issue("localhost");
        CertificateDeployer deployer = CertificateDeployer.builder(CertificateFiles.pem(out(), "web"))
                .reload(recordingReload(0)).build();
        deployer.deploy(issued.bundle("web"));

        DeploymentEvent again = deployer.deploy(issued.bundle("web"));

        assertThat(again.event()).isEqualTo(DeploymentEvent.Outcome.UNCHANGED);
        assertThat(reloads()).hasSize(1);
    }

    @Test
    void a_failing_reload_rolls_back_and_reloads_the_previous_files() throws Exception {
        TestCertificates.Issued first = CA.issue("localhost");
        CertificateFiles files = CertificateFiles.pem(out(), "web");
        files.install(first.bundle("web"));
        String firstChain = Files.readString(out().resolve("fullchain.pem"));
        CertificateDeployer deployer = CertificateDeployer.builder(files).reload(recordingReload(1)).build();
        TestCertificates.Issued renewed = CA.issue("localhost");

        DeploymentEvent event = deployer.deploy(renewed.bundle("web"));

        assertThat(event.event()).isEqualTo(DeploymentEvent.Outcome.FAILED);
        assertThat(event.stage()).isEqualTo(DeploymentStage.RELOAD);
        assertThat(event.error()).contains("exited with 1");
        assertThat(event.rolledBack()).isFalse();
        assertThat(event.rollbackError()).contains("reloading them failed");
        assertThat(Files.readString(out().resolve("fullchain.pem"))).isEqualTo(firstChain);
        assertThat(reloads()).hasSize(2);
    }

    @Test
    void a_reload_that_fails_only_for_the_new_files_rolls_back_cleanly() throws Exception {
        TestCertificates.Issued first = CA.issue("localhost");
        CertificateFiles files = CertificateFiles.pem(out(), "web");
        files.install(first.bundle("web"));
        TestCertificates.Issued renewed = CA.issue("localhost");
        // Like "nginx -t && nginx -s reload" refusing the new files: fails while the renewed serial is in place.
        Path fullchain = out().resolve("fullchain.pem");
        ReloadCommand picky = ReloadCommand.of(List.of("sh", "-c",
                "echo reload >> \"$1\"; ! grep -q \"$2\" \"$0\"", fullchain.toString(), dir.resolve("calls").toString(),
                renewed.fullchainPem().lines().skip(3).findFirst().orElseThrow()));
        CertificateDeployer deployer = CertificateDeployer.builder(files).reload(picky).build();

        DeploymentEvent event = deployer.deploy(renewed.bundle("web"));

        assertThat(event.event()).isEqualTo(DeploymentEvent.Outcome.FAILED);
        assertThat(event.rolledBack()).isTrue();
        assertThat(event.rollbackError()).isNull();
        assertThat(files.installedSerial()).hasValue(first.leaf().getSerialNumber().toString(16));
        assertThat(reloads()).hasSize(2);
    }

    @Test
    void a_failing_check_rolls_back() throws Exception {
        TestCertificates.Issued first = CA.issue("localhost");
        CertificateFiles files = CertificateFiles.pem(out(), "web");
        files.install(first.bundle("web"));
        // A service that never picks up new files: it keeps presenting the first certificate.
        try (TlsServer stuck = TlsServer.serving(() -> first)) {
            CertificateDeployer deployer = CertificateDeployer.builder(files).reload(recordingReload(0))
                    .check(ServedCertificateCheck.of(stuck.uri(), Duration.ofMillis(800))).build();

            DeploymentEvent event = deployer.deploy(CA.issue("localhost").bundle("web"));

            assertThat(event.event()).isEqualTo(DeploymentEvent.Outcome.FAILED);
            assertThat(event.stage()).isEqualTo(DeploymentStage.CHECK);
            assertThat(event.error()).contains("still serves serial " + first.leaf().getSerialNumber().toString(16));
            assertThat(event.rolledBack()).isTrue();
            assertThat(files.installedSerial()).hasValue(first.leaf().getSerialNumber().toString(16));
            assertThat(reloads()).hasSize(2);
        }
    }

    @Test
    void a_first_install_that_fails_to_reload_leaves_no_files_and_does_not_reload_again() throws Exception {
        CertificateDeployer deployer = CertificateDeployer.builder(CertificateFiles.pem(out(), "web"))
                .reload(recordingReload(1)).build();

        DeploymentEvent event = deployer.deploy(CA.issue("localhost").bundle("web"));

        assertThat(event.rolledBack()).isTrue();
        assertThat(out().resolve("fullchain.pem")).doesNotExist();
        assertThat(out().resolve("privkey.pem")).doesNotExist();
        assertThat(reloads()).hasSize(1);
    }

    @Test
    void a_bundle_for_another_name_is_refused() {
        CertificateDeployer deployer = CertificateDeployer.builder(CertificateFiles.pem(out(), "web")).build();

        DeploymentEvent event = deployer.deploy(CA.issue("localhost").bundle("mail"));

        assertThat(event.event()).isEqualTo(DeploymentEvent.Outcome.FAILED);
        assertThat(event.error()).contains("not mail");
    }
}
