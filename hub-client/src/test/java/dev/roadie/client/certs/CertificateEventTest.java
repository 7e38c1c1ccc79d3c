package dev.roadie.client.certs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.model.wire.FrameCodec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateEventTest {
    @Test
    void an_installed_event_is_one_json_object_with_words_for_its_kinds() {
        CertificateEvent event = new CertificateEvent(CertificateEvent.Outcome.INSTALLED, "example.org", "0a1b",
                Instant.parse("2027-02-19T08:00:00Z"), List.of("/tls/fullchain.pem"), null, null, false, null);

        assertThat(FrameCodec.DEFAULT.mapper().writeValueAsString(event)).isEqualTo("{\"event\":\"installed\","
                + "\"name\":\"example.org\",\"serial\":\"0a1b\",\"notAfter\":\"2027-02-19T08:00:00Z\","
                + "\"files\":[\"/tls/fullchain.pem\"]}");
    }

    @Test
    void a_failed_event_names_its_stage_in_lower_case() {
        CertificateEvent event = CertificateEvent.failed("example.org", "0a1b", DeploymentStage.RELOAD, "exited with 1",
                true, null);

        assertThat(FrameCodec.DEFAULT.mapper().writeValueAsString(event)).isEqualTo("{\"event\":\"failed\","
                + "\"name\":\"example.org\",\"serial\":\"0a1b\",\"stage\":\"reload\",\"error\":\"exited with 1\","
                + "\"rolledBack\":true}");
        assertThat(event.ok()).isFalse();
    }

    @Test
    void a_bundle_is_read_from_a_cert_issued_body_ignoring_the_installations() {
        var body = FrameCodec.DEFAULT.mapper().readTree("{\"name\":\"example.org\",\"domains\":[\"example.org\"],"
                + "\"serial\":\"0a1b\",\"notAfter\":\"2027-02-19T08:00:00Z\",\"source\":\"acme\",\"installations\":[],"
                + "\"fullchainPem\":\"-----BEGIN CERTIFICATE-----\\nAA==\\n-----END CERTIFICATE-----\\n\","
                + "\"privkeyPem\":\"-----BEGIN PRIVATE KEY-----\\nAA==\\n-----END PRIVATE KEY-----\\n\"}");

        CertificateBundle bundle = CertificateBundle.fromBody(body);

        assertThat(bundle.serialNumber()).isEqualTo(new java.math.BigInteger("a1b", 16));
        assertThat(bundle.notAfter()).isEqualTo(Instant.parse("2027-02-19T08:00:00Z"));
        assertThat(bundle.domains()).containsExactly("example.org");
    }

    @Test
    void a_body_without_a_key_or_with_a_bad_name_is_refused_naming_the_field() {
        var noKey = FrameCodec.DEFAULT.mapper().readTree("{\"name\":\"example.org\",\"serial\":\"0a\","
                + "\"fullchainPem\":\"-----BEGIN CERTIFICATE-----\"}");
        var badName = FrameCodec.DEFAULT.mapper().readTree("{\"name\":\"Example.org\",\"serial\":\"0a\"}");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CertificateBundle.fromBody(noKey))
                .hasMessageContaining("privkeyPem");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CertificateBundle.fromBody(badName))
                .hasMessageContaining("certificate names are");
    }
}
