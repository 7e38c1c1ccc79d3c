package dev.roadie.model.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.model.wire.FrameCodec;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The certificate payloads as they go on the wire (PROTOCOL.md, section 16), byte for byte. */
class CertificateWireTest {
    private static final String CHAIN = "-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n";
    private static final String KEY = "-----BEGIN PRIVATE KEY-----\nAA==\n-----END PRIVATE KEY-----\n";

    @Test
    void a_bundle_is_written_as_protocol_md_shows_it_with_times_in_whole_seconds() {
        CertificateBundle bundle = new CertificateBundle("example.org", List.of("example.org", "*.example.org"),
                "0a1b2c3d", Instant.parse("2026-11-21T08:00:00Z"), Instant.parse("2027-02-19T08:00:00Z"),
                "sha256:AB:CD", "acme", Instant.parse("2026-11-21T08:00:05Z"), Instant.parse("2027-01-20T08:00:00Z"),
                null, "-----BEGIN CERTIFICATE-----\n...", "-----BEGIN PRIVATE KEY-----\n...");

        assertThat(json(bundle)).isEqualTo("{\"name\":\"example.org\",\"domains\":[\"example.org\",\"*.example.org\"],"
                + "\"serial\":\"0a1b2c3d\",\"notBefore\":\"2026-11-21T08:00:00Z\",\"notAfter\":\"2027-02-19T08:00:00Z\","
                + "\"fingerprint\":\"sha256:AB:CD\",\"source\":\"acme\",\"issuedAt\":\"2026-11-21T08:00:05Z\","
                + "\"renewAfter\":\"2027-01-20T08:00:00Z\",\"lastError\":null,"
                + "\"fullchainPem\":\"-----BEGIN CERTIFICATE-----\\n...\",\"privkeyPem\":\"-----BEGIN PRIVATE KEY-----\\n...\"}");
    }

    @Test
    void an_imported_bundle_has_no_renewal_time_but_always_its_last_error() {
        CertificateBundle bundle = new CertificateBundle("web", List.of("web.example.org"), "ff",
                Instant.parse("2026-11-21T08:00:00Z"), Instant.parse("2027-02-19T08:00:00Z"), "sha256:AB", "imported",
                Instant.parse("2026-11-21T08:00:05Z"), null, null, CHAIN, KEY);

        assertThat(json(bundle)).doesNotContain("renewAfter").contains("\"lastError\":null");
    }

    @Test
    void a_certificate_event_is_written_as_protocol_md_shows_it() {
        CertificateEvent event = new CertificateEvent("example.org", List.of("example.org", "*.example.org"),
                "0a1b2c3d", Instant.parse("2027-02-19T08:00:00Z"), 29, "DigitalOcean answered ... 401 ...");

        assertThat(json(event)).isEqualTo("{\"name\":\"example.org\",\"domains\":[\"example.org\",\"*.example.org\"],"
                + "\"serial\":\"0a1b2c3d\",\"notAfter\":\"2027-02-19T08:00:00Z\",\"daysLeft\":29,"
                + "\"lastError\":\"DigitalOcean answered ... 401 ...\"}");
    }

    @Test
    void an_installation_report_is_the_serial_alone() {
        assertThat(json(new InstallationReport("0a1b2c3d"))).isEqualTo("{\"serial\":\"0a1b2c3d\"}");
    }

    @Test
    void a_bundle_is_read_from_a_cert_issued_body_ignoring_the_installations() {
        JsonNode body = tree("{\"name\":\"example.org\",\"domains\":[\"example.org\"],\"serial\":\"0a1b\","
                + "\"notAfter\":\"2027-02-19T08:00:00Z\",\"source\":\"acme\",\"installations\":[],"
                + "\"fullchainPem\":" + quoted(CHAIN) + ",\"privkeyPem\":" + quoted(KEY) + "}");

        CertificateBundle bundle = CertificateBundle.fromBody(body);

        assertThat(bundle.serialNumber()).isEqualTo(new BigInteger("a1b", 16));
        assertThat(bundle.notAfter()).isEqualTo(Instant.parse("2027-02-19T08:00:00Z"));
        assertThat(bundle.domains()).containsExactly("example.org");
    }

    @Test
    void a_body_without_a_key_or_with_a_bad_name_is_refused_naming_the_field() {
        JsonNode noKey = tree("{\"name\":\"example.org\",\"serial\":\"0a\",\"fullchainPem\":\"-----BEGIN CERTIFICATE-----\"}");
        JsonNode badName = tree("{\"name\":\"Example.org\",\"serial\":\"0a\"}");

        assertThatThrownBy(() -> CertificateBundle.fromBody(noKey)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("privkeyPem");
        assertThatThrownBy(() -> CertificateBundle.fromBody(badName)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(CertificateNames.RULE);
    }

    @Test
    void a_body_whose_time_is_no_time_is_refused_as_a_bad_argument_naming_the_field() {
        JsonNode badTime = tree("{\"name\":\"example.org\",\"serial\":\"0a\",\"notAfter\":\"soon\","
                + "\"fullchainPem\":" + quoted(CHAIN) + ",\"privkeyPem\":" + quoted(KEY) + "}");

        assertThatThrownBy(() -> CertificateBundle.fromBody(badTime)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("notAfter");
    }

    @Test
    void the_client_and_the_hub_refuse_the_same_names() {
        assertThat(CertificateNames.isValid("example.org")).isTrue();
        assertThat(CertificateNames.isValid("a..b")).isFalse();
        assertThatThrownBy(() -> CertificateNames.topic("a..b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(CertificateNames.RULE + "; got 'a..b'");
        assertThat(CertificateNames.topic("example.org")).isEqualTo("cert:example.org");
    }

    @Test
    void a_bundle_never_shows_its_key() {
        CertificateBundle bundle = new CertificateBundle("web", List.of(), "ff", null, null, null, "imported", null,
                null, null, CHAIN, KEY);

        assertThat(bundle.toString()).contains("web", "ff").doesNotContain("PRIVATE KEY");
    }

    private static String json(Object value) {
        return FrameCodec.DEFAULT.mapper().writeValueAsString(FrameCodec.DEFAULT.toTree(value));
    }

    private static JsonNode tree(String json) {
        return FrameCodec.DEFAULT.mapper().readTree(json);
    }

    private static String quoted(String text) {
        return FrameCodec.DEFAULT.mapper().writeValueAsString(text);
    }
}
