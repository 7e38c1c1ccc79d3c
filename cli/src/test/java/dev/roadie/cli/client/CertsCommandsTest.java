package dev.roadie.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.certs.deploy.testing.CertificateApi;
import dev.roadie.certs.deploy.testing.TestCertificates;
import dev.roadie.certs.deploy.testing.TlsServer;
import dev.roadie.cli.RoadieCommand;
import dev.roadie.hub.Hub;
import dev.roadie.hub.config.ConfigLoader;
import dev.roadie.model.wire.FrameCodec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/** {@code roadie certs pull} and {@code roadie certs watch} against a real hub, in this process. */
class CertsCommandsTest {
    static final TestCertificates CA = TestCertificates.authority();
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    Hub hub;
    CertificateApi admin;
    String token;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        Path data = dir.resolve("data");
        hub = Hub.start(ConfigLoader.load(null, data, Map.of(), Map.of("host", "127.0.0.1", "port", "0", "data",
                data.toString())));
        admin = CertificateApi.forSocket(java.net.URI.create(hubUri()), create("root", "admin", "admin"));
        token = create("nginx-1", "web", "certs:web");
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    String hubUri() {
        return "ws://127.0.0.1:" + hub.port() + "/ws";
    }

    String create(String name, String kind, String... scopes) {
        return hub.context().tokens().create(name, kind, List.of(scopes)).token();
    }

    CommandLine roadie() {
        CommandLine roadie = RoadieCommand.commandLine();
        roadie.setOut(new PrintWriter(out, true));
        roadie.setErr(new PrintWriter(err, true));
        return roadie;
    }

    Path out() {
        return dir.resolve("tls");
    }

    /** A reload that records its calls and fails while fullchain.pem holds a line of the file "refuse". */
    String reload() {
        return "sh -c 'echo reload >> \"$0\"; if [ -e \"$1\" ] && grep -qF -f \"$1\" \"$2\"; then echo nginx: refused >&2;"
                + " exit 1; fi' " + dir.resolve("reloads") + " " + dir.resolve("refuse") + " "
                + out().resolve("fullchain.pem");
    }

    List<String> reloads() throws Exception {
        return Files.exists(dir.resolve("reloads")) ? Files.readAllLines(dir.resolve("reloads")) : List.of();
    }

    List<JsonNode> lines() {
        return out.toString().lines().filter(line -> !line.isBlank())
                .map(line -> FrameCodec.DEFAULT.mapper().readTree(line)).toList();
    }

    boolean printed(String event, String serial) {
        return lines().stream().anyMatch(line -> event.equals(line.path("event").asString(""))
                && serial.equals(line.path("serial").asString("")));
    }

    @Test
    void pull_installs_reloads_checks_reports_and_does_nothing_the_second_time() throws Exception {
        TestCertificates.Issued issued = CA.issue("localhost");
        admin.importCertificate("web", issued);
        try (TlsServer service = TlsServer.readingFiles(out())) {
            String[] pull = {"certs", "pull", "--hub", hubUri(), "--token", token, "--name", "web", "--out",
                    out().toString(), "--reload", reload(), "--check", service.uri().toString()};

            assertThat(roadie().execute(pull)).as(err.toString()).isZero();
            assertThat(printed("installed", issued.serial())).isTrue();
            assertThat(TestCertificates.parse(Files.readString(out().resolve("fullchain.pem"))).getFirst())
                    .isEqualTo(issued.leaf());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out().resolve("privkey.pem"))))
                    .isEqualTo("rw-------");
            assertThat(reloads()).hasSize(1);
            assertThat(admin.installedBy("web", "web/nginx-1")).isEqualTo(issued.serial());

            assertThat(roadie().execute(pull)).isZero();
            assertThat(printed("unchanged", issued.serial())).isTrue();
            assertThat(reloads()).hasSize(1);
            assertThat(out.toString().lines().filter(line -> !line.isBlank())).hasSize(2);
        }
    }

    @Test
    void pull_of_several_certificates_puts_each_pem_pair_in_a_folder_of_its_name_and_p12_beside_each_other()
            throws Exception {
        TestCertificates.Issued web = CA.issue("localhost");
        TestCertificates.Issued mail = CA.issue("mail.localhost");
        admin.importCertificate("web", web);
        admin.importCertificate("mail", mail);
        String both = create("ops", "web", "certs:*");

        assertThat(roadie().execute("certs", "pull", "--hub", hubUri(), "--token", both, "--name", "web", "--name",
                "mail", "--out", out().toString())).as(err.toString()).isZero();
        assertThat(roadie().execute("certs", "pull", "--hub", "http://127.0.0.1:" + hub.port(), "--token", both,
                "--name", "web", "--name", "mail", "--out", dir.resolve("p12").toString(), "--layout", "p12",
                "--p12-password", "s3cret")).as(err.toString()).isZero();

        assertThat(TestCertificates.parse(Files.readString(out().resolve("web/fullchain.pem"))).getFirst())
                .isEqualTo(web.leaf());
        assertThat(TestCertificates.parse(Files.readString(out().resolve("mail/fullchain.pem"))).getFirst())
                .isEqualTo(mail.leaf());
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(dir.resolve("p12/mail.p12"))) {
            store.load(in, "s3cret".toCharArray());
        }
        assertThat(store.getCertificate("mail")).isEqualTo(mail.leaf());
        assertThat(dir.resolve("p12/web.p12")).exists();
        assertThat(lines()).hasSize(4).allMatch(line -> line.path("event").asString().equals("installed"));
    }

    @Test
    void pull_of_a_certificate_the_token_may_not_see_fails_with_exit_1() {
        admin.importCertificate("mail", CA.issue("localhost"));

        int exit = roadie().execute("certs", "pull", "--hub", hubUri(), "--token", token, "--name", "mail", "--out",
                out().toString());

        assertThat(exit).isEqualTo(1);
        assertThat(lines().getFirst().path("stage").asString()).isEqualTo("fetch");
        assertThat(err.toString()).contains("roadie certs pull: mail:", "404");
        assertThat(out()).doesNotExist();
    }

    @Test
    void watch_follows_a_renewal_and_a_refused_renewal_rolls_back() throws Exception {
        TestCertificates.Issued first = CA.issue("localhost");
        admin.importCertificate("web", first);
        CommandLine roadie = roadie();
        CertsWatchCommand watch = roadie.getSubcommands().get("certs").getSubcommands().get("watch").getCommand();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread running = Thread.ofPlatform().name("certs-watch").start(() -> exit.set(roadie.execute("certs", "watch",
                "--hub", hubUri(), "--token", token, "--name", "web", "--out", out().toString(), "--layout", "pem",
                "--reload", reload())));
        try {
            await().atMost(WAIT).until(() -> printed("installed", first.serial()));
            await().atMost(WAIT).until(() -> first.serial().equals(admin.installedBy("web", "web/nginx-1")));
            assertThat(err.toString()).contains("roadie: watching certificate web into " + out());

            TestCertificates.Issued renewed = CA.issue("localhost");
            admin.importCertificate("web", renewed);

            await().atMost(WAIT).until(() -> printed("installed", renewed.serial()));
            assertThat(TestCertificates.parse(Files.readString(out().resolve("fullchain.pem"))).getFirst())
                    .isEqualTo(renewed.leaf());
            await().atMost(WAIT).until(() -> renewed.serial().equals(admin.installedBy("web", "web/nginx-1")));
            assertThat(reloads()).hasSize(2);

            TestCertificates.Issued refused = CA.issue("localhost");
            Files.writeString(dir.resolve("refuse"), refused.fullchainPem().lines().skip(3).findFirst().orElseThrow());
            admin.importCertificate("web", refused);

            await().atMost(WAIT).until(() -> printed("failed", refused.serial()));
            JsonNode failed = lines().getLast();
            assertThat(failed.path("stage").asString()).isEqualTo("reload");
            assertThat(failed.path("rolledBack").asBoolean()).isTrue();
            assertThat(failed.path("error").asString()).contains("nginx: refused");
            assertThat(err.toString()).contains("roadie certs watch: web:", "(the previous files are back)");
            assertThat(TestCertificates.parse(Files.readString(out().resolve("fullchain.pem"))).getFirst())
                    .isEqualTo(renewed.leaf());
            assertThat(reloads()).hasSize(4);
            assertThat(admin.installedBy("web", "web/nginx-1")).isEqualTo(renewed.serial());
        } finally {
            watch.stop();
            running.join(30_000);
        }
        assertThat(exit.get()).isZero();
    }

    @Test
    void watch_exits_1_when_the_token_may_not_have_the_certificate() throws Exception {
        int exit = roadie().execute("certs", "watch", "--hub", hubUri(), "--token", create("eve", "web"), "--name",
                "web", "--out", out().toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("the hub refused certificate web", "forbidden");
    }

    @Test
    void p12_without_a_password_is_a_usage_error() {
        int exit = roadie().execute("certs", "pull", "--hub", hubUri(), "--token", token, "--name", "web", "--out",
                out().toString(), "--layout", "p12");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("ROADIE_P12_PASSWORD");
    }

    @Test
    void a_bad_name_layout_or_reload_line_is_a_usage_error() {
        assertThat(roadie().execute("certs", "pull", "--token", token, "--name", "Web!", "--out", "x")).isEqualTo(2);
        assertThat(roadie().execute("certs", "pull", "--token", token, "--name", "web", "--out", "x", "--layout",
                "jks")).isEqualTo(2);
        assertThat(roadie().execute("certs", "watch", "--token", token, "--name", "web", "--out", "x", "--reload",
                "sh -c 'oops")).isEqualTo(2);
        assertThat(roadie().execute("certs")).isEqualTo(2);

        assertThat(err.toString()).contains("certificate names are", "pem, combined or p12", "unclosed '",
                "Missing subcommand");
    }
}
