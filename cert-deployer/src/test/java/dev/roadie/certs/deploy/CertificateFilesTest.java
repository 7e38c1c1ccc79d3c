package dev.roadie.certs.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.certs.deploy.testing.TestCertificates;
import dev.roadie.model.certs.CertificateBundle;
import dev.roadie.model.certs.CertificateNames;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateFilesTest {
    static final TestCertificates CA = TestCertificates.authority();

    @TempDir
    Path dir;

    @Test
    void pem_layout_writes_the_chain_and_the_key_0600_in_a_new_0700_folder() throws Exception {
        Path out = dir.resolve("certs").resolve("example.org");
        TestCertificates.Issued issued = CA.issue("example.org", "*.example.org");

        var replacement = CertificateFiles.pem(out, "example.org").install(issued.bundle("example.org"));

        assertThat(replacement.files()).containsExactly(out.resolve("fullchain.pem"), out.resolve("privkey.pem"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rwx------");
        for (Path file : replacement.files()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        List<X509Certificate> chain = TestCertificates.parse(Files.readString(out.resolve("fullchain.pem")));
        assertThat(chain).hasSize(2);
        assertThat(chain.getFirst()).isEqualTo(issued.leaf());
        assertThat(chain.get(1)).isEqualTo(issued.authority());
        PrivateKey key = pkcs8(Files.readString(out.resolve("privkey.pem")));
        assertThat(key.getEncoded()).isEqualTo(TlsKey.of(issued).getEncoded());
        assertThat(files(out)).containsExactlyInAnyOrder("fullchain.pem", "privkey.pem");
    }

    @Test
    void a_second_install_keeps_the_first_files_as_previous_copies() throws Exception {
        CertificateFiles files = CertificateFiles.pem(dir, "example.org");
        TestCertificates.Issued first = CA.issue("example.org");
        TestCertificates.Issued second = CA.issue("example.org");
        files.install(first.bundle("example.org"));
        String firstChain = Files.readString(dir.resolve("fullchain.pem"));

        files.install(second.bundle("example.org"));

        assertThat(Files.readString(dir.resolve("fullchain.pem.previous"))).isEqualTo(firstChain);
        assertThat(Files.readString(dir.resolve("privkey.pem.previous"))).isEqualTo(first.privkeyPem());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("privkey.pem.previous"))))
                .isEqualTo("rw-------");
        assertThat(files.installedSerial()).hasValueSatisfying(serial ->
                assertThat(new java.math.BigInteger(serial, 16)).isEqualTo(second.leaf().getSerialNumber()));
        assertThat(files(dir)).noneMatch(name -> name.endsWith(".tmp"));
    }

    @Test
    void rollback_puts_the_previous_files_back() throws Exception {
        CertificateFiles files = CertificateFiles.pem(dir, "example.org");
        TestCertificates.Issued first = CA.issue("example.org");
        files.install(first.bundle("example.org"));
        String firstChain = Files.readString(dir.resolve("fullchain.pem"));

        var replacement = files.install(CA.issue("example.org").bundle("example.org"));
        replacement.rollback();

        assertThat(Files.readString(dir.resolve("fullchain.pem"))).isEqualTo(firstChain);
        assertThat(Files.readString(dir.resolve("privkey.pem"))).isEqualTo(first.privkeyPem());
        assertThat(files.installedSerial()).hasValue(first.leaf().getSerialNumber().toString(16));
    }

    @Test
    void rolling_back_a_first_install_removes_its_files() throws Exception {
        var replacement = CertificateFiles.pem(dir, "example.org").install(CA.issue("example.org").bundle("example.org"));

        replacement.rollback();

        assertThat(replacement.hadPrevious()).isFalse();
        assertThat(files(dir)).isEmpty();
    }

    @Test
    void combined_layout_writes_the_key_then_the_chain_in_one_file() throws Exception {
        TestCertificates.Issued issued = CA.issue("example.org");

        new CertificateFiles(dir, "example.org", CertificateLayout.COMBINED, null).install(issued.bundle("example.org"));

        String combined = Files.readString(dir.resolve("example.org.pem"), StandardCharsets.US_ASCII);
        assertThat(combined.indexOf("-----BEGIN PRIVATE KEY-----")).isZero();
        assertThat(pkcs8(combined).getEncoded()).isEqualTo(TlsKey.of(issued).getEncoded());
        assertThat(TestCertificates.parse(combined.substring(combined.indexOf("-----BEGIN CERTIFICATE-----"))))
                .containsExactly(issued.leaf(), issued.authority());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("example.org.pem"))))
                .isEqualTo("rw-------");
    }

    @Test
    void p12_layout_writes_a_keystore_with_the_key_and_full_chain_under_the_name() throws Exception {
        TestCertificates.Issued issued = CA.issue("example.org");
        CertificateFiles files = new CertificateFiles(dir, "example.org", CertificateLayout.PKCS12,
                "s3cret".toCharArray());

        files.install(issued.bundle("example.org"));

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("example.org.p12"))) {
            store.load(in, "s3cret".toCharArray());
        }
        assertThat(store.isKeyEntry("example.org")).isTrue();
        Certificate[] chain = store.getCertificateChain("example.org");
        assertThat(chain).containsExactly(issued.leaf(), issued.authority());
        assertThat(store.getKey("example.org", "s3cret".toCharArray()).getEncoded())
                .isEqualTo(TlsKey.of(issued).getEncoded());
        assertThat(files.installedSerial()).hasValue(issued.leaf().getSerialNumber().toString(16));
    }

    @Test
    void p12_layout_needs_a_password() {
        assertThatThrownBy(() -> new CertificateFiles(dir, "example.org", CertificateLayout.PKCS12, new char[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password");
    }

    @Test
    void a_name_the_hub_would_refuse_is_refused_here_too() {
        // The hub refuses '..' anywhere in a name; the deployer once allowed it and could never get that certificate.
        assertThatThrownBy(() -> CertificateFiles.pem(dir, "example..org"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(CertificateNames.RULE);
    }

    @Test
    void a_key_of_another_certificate_is_refused_and_the_files_stay_as_they_were() throws Exception {
        CertificateFiles files = CertificateFiles.pem(dir, "example.org");
        TestCertificates.Issued first = CA.issue("example.org");
        files.install(first.bundle("example.org"));
        TestCertificates.Issued other = CA.issue("example.org");
        CertificateBundle mixed = new CertificateBundle("example.org", List.of("example.org"), other.serial(), null,
                null, null, "acme", null, null, null, other.fullchainPem(), first.privkeyPem());

        assertThatThrownBy(() -> files.install(mixed)).isInstanceOf(GeneralSecurityException.class)
                .hasMessageContaining("does not belong");
        assertThat(files.installedSerial()).hasValue(first.leaf().getSerialNumber().toString(16));
        assertThat(files(dir)).containsExactlyInAnyOrder("fullchain.pem", "privkey.pem");
    }

    @Test
    void a_key_that_is_not_pkcs8_is_refused_with_the_conversion_to_make() {
        TestCertificates.Issued issued = CA.issue("example.org");
        CertificateBundle sec1 = new CertificateBundle("example.org", List.of(), issued.serial(), null, null, null,
                "imported", null, null, null, issued.fullchainPem(),
                "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n");

        assertThatThrownBy(() -> CertificateFiles.pem(dir, "example.org").install(sec1))
                .hasMessageContaining("openssl pkcs8 -topk8");
    }

    @Test
    void the_bundle_never_shows_its_key_in_text() {
        TestCertificates.Issued issued = CA.issue("example.org");

        assertThat(issued.bundle("example.org").toString()).contains(issued.serial()).doesNotContain("PRIVATE KEY")
                .doesNotContain(issued.privkeyPem().lines().skip(1).findFirst().orElseThrow());
    }

    static PrivateKey pkcs8(String pem) throws GeneralSecurityException {
        int start = pem.indexOf("-----BEGIN PRIVATE KEY-----") + "-----BEGIN PRIVATE KEY-----".length();
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getMimeDecoder().decode(pem.substring(start, end).strip())));
    }

    static List<String> files(Path folder) throws java.io.IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(path -> path.getFileName().toString()).toList();
        }
    }

    /** The issued key, read back the same way, to compare encodings. */
    static final class TlsKey {
        static PrivateKey of(TestCertificates.Issued issued) throws GeneralSecurityException {
            return pkcs8(issued.privkeyPem());
        }
    }
}
