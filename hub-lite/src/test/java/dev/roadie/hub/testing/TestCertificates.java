package dev.roadie.hub.testing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates made on the spot for tests: a CA and leaves it signs, with the names asked for. */
public final class TestCertificates {

    /** A certificate with its key pair. */
    public record Issued(X509Certificate certificate, KeyPair keys) {
    }

    private TestCertificates() {
    }

    /** A new EC P-256 key pair. */
    public static KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A self-signed CA certificate valid for a day. */
    public static Issued ca(String commonName) {
        KeyPair keys = ecKeys();
        return new Issued(build(new X500Name("CN=" + commonName), new X500Name("CN=" + commonName), keys.getPublic(),
                keys, List.of(), true, Duration.ofDays(1)), keys);
    }

    /** A leaf for {@code dnsNames} (and 127.0.0.1 when given as an IP literal) signed by {@code ca}. */
    public static Issued leaf(Issued ca, List<String> dnsNames, Duration validity) {
        KeyPair keys = ecKeys();
        return new Issued(build(new X500Name(ca.certificate().getSubjectX500Principal().getName()),
                new X500Name("CN=" + dnsNames.getFirst()), keys.getPublic(), ca.keys(), dnsNames, false, validity), keys);
    }

    private static X509Certificate build(X500Name issuer, X500Name subject, java.security.PublicKey publicKey,
            KeyPair signer, List<String> names, boolean ca, Duration validity) {
        try {
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)),
                    Date.from(now.minusSeconds(60)), Date.from(now.plus(validity)), subject, publicKey);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (!names.isEmpty()) {
                GeneralName[] general = names.stream().map(n -> n.matches("[0-9.]+")
                        ? new GeneralName(GeneralName.iPAddress, n) : new GeneralName(GeneralName.dNSName, n))
                        .toArray(GeneralName[]::new);
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(general));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
