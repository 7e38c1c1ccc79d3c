package dev.roadie.client.testing;

import dev.roadie.client.certs.CertificateBundle;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates for tests: a throw-away authority that issues EC P-256 leaves, each with a fresh
 * random serial, as PEM texts in the formats the hub hands out (PKCS#8 key, leaf-first chain).
 */
public final class TestCertificates {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair authorityKeys;
    private final X509Certificate authority;

    private TestCertificates(KeyPair authorityKeys, X509Certificate authority) {
        this.authorityKeys = authorityKeys;
        this.authority = authority;
    }

    /** A new authority ("Roadie Test CA"). */
    public static TestCertificates authority() {
        KeyPair keys = ecKeys();
        X500Name subject = new X500Name("CN=Roadie Test CA");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(), from(), until(),
                subject, keys.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return new TestCertificates(keys, sign(builder, keys));
    }

    /** A leaf for {@code domains}, signed by this authority. */
    public Issued issue(String... domains) {
        KeyPair keys = ecKeys();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=Roadie Test CA"),
                serial(), from(), until(), new X500Name("CN=" + domains[0]), keys.getPublic());
        try {
            GeneralName[] names = new GeneralName[domains.length];
            for (int i = 0; i < domains.length; i++) {
                names[i] = new GeneralName(GeneralName.dNSName, domains[i]);
            }
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        X509Certificate leaf = sign(builder, authorityKeys);
        return new Issued(leaf, authority, pem("PRIVATE KEY", keys.getPrivate().getEncoded()), List.of(domains));
    }

    /** A leaf certificate with its key and chain. */
    public record Issued(X509Certificate leaf, X509Certificate authority, String privkeyPem, List<String> domains) {

        /** The serial as the hub writes it: lower-case hex of the number, without leading zeros. */
        public String serial() {
            return leaf.getSerialNumber().toString(16);
        }

        /** The leaf, then the authority standing in for an intermediate. */
        public String fullchainPem() {
            try {
                return pem("CERTIFICATE", leaf.getEncoded()) + pem("CERTIFICATE", authority.getEncoded());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The bundle the hub would push for it. */
        public CertificateBundle bundle(String name) {
            return new CertificateBundle(name, domains, serial(), leaf.getNotBefore().toInstant(),
                    leaf.getNotAfter().toInstant(), "sha256:00", "imported", Instant.now(), null, null,
                    fullchainPem(), privkeyPem);
        }

        /** The leaf and the authority, for a key store. */
        public X509Certificate[] chain() {
            return new X509Certificate[] {leaf, authority};
        }
    }

    /** Reads PEM certificates back with the JDK. */
    public static List<X509Certificate> parse(String pem) throws GeneralSecurityException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (var certificate : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))) {
            certificates.add((X509Certificate) certificate);
        }
        return certificates;
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer) {
        try {
            byte[] der = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate()))
                    .getEncoded();
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a test certificate", e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).add(BigInteger.ONE);
    }

    private static Date from() {
        return Date.from(Instant.now().minus(Duration.ofHours(1)));
    }

    private static Date until() {
        return Date.from(Instant.now().plus(Duration.ofDays(90)));
    }
}
