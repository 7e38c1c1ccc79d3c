package dev.roadie.hub.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.roadie.hub.certs.CertificateRefusedException;
import dev.roadie.hub.certs.Pem;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * An operator imports a certificate and its key as PEM text over the REST API or the socket
 * ({@code certs.import}); a leaked admin token makes that text anyone's.
 *
 * <p>Invariant: reading a chain and a key from any text returns them or throws
 * {@link CertificateRefusedException} (a 400 or invalid-frame for the caller); nothing else
 * escapes, and a refused key's message is one of the fixed sentences, so it never quotes the
 * key. A chain that reads has a serial, a fingerprint and its names; a key that reads can be
 * checked against the chain's public key.
 *
 * <p>Each input is used as both the chain and the key, like a combined PEM file; corpus:
 * {@code PemFuzzTestInputs/}.
 */
class PemFuzzTest {
    private static final String KEY_REFUSALS = "privkeyPem (holds no PEM private key \\(-----BEGIN PRIVATE KEY-----\\)"
            + "|is encrypted; import it without a passphrase \\(openssl pkcs8 -topk8 -nocrypt\\)"
            + "|is not a key this hub reads \\(RSA or EC\\)|is not valid PEM \\([A-Za-z]+\\)|holds no private key"
            + "|is an? [A-Za-z0-9.-]+ key; RSA and EC keys are supported)";

    @FuzzTest(maxDuration = "15s")
    void any_text_reads_as_certificates_and_a_key_or_is_refused(byte[] input) {
        String pem = new String(input, StandardCharsets.UTF_8);
        List<X509Certificate> chain = chain(pem);
        PrivateKey key;
        try {
            key = Pem.parsePrivateKey(pem);
        } catch (CertificateRefusedException refused) {
            assertThat(refused.getMessage()).as("the refusal of a key").matches(KEY_REFUSALS);
            return;
        }
        assertThat(key).isNotNull();
        if (!chain.isEmpty()) {
            try {
                Pem.belongTogether(key, chain.getFirst().getPublicKey());
            } catch (CertificateRefusedException refused) {
                assertThat(refused.getMessage()).as("the refusal of a key").matches(KEY_REFUSALS);
            }
        }
    }

    private static List<X509Certificate> chain(String pem) {
        List<X509Certificate> chain;
        try {
            chain = Pem.parseChain(pem);
        } catch (CertificateRefusedException refused) {
            assertThat(refused.getMessage()).as("the refusal of a chain").startsWith("fullchainPem ");
            return List.of();
        }
        assertThat(chain).isNotEmpty();
        for (X509Certificate certificate : chain) {
            assertThat(Pem.serial(certificate)).isNotEmpty();
            assertThat(Pem.fingerprint(certificate)).startsWith("sha256:");
            try {
                assertThat(Pem.domains(certificate)).doesNotContainNull();
            } catch (CertificateRefusedException refused) {
                assertThat(refused.getMessage()).startsWith("the certificate's names cannot be read");
            }
        }
        return chain;
    }
}
