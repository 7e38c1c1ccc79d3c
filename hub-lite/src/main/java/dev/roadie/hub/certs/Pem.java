package dev.roadie.hub.certs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Reading and writing certificates and keys as PEM. Keys are always written as PKCS#8
 * ({@code BEGIN PRIVATE KEY}) so that the JDK reads them without BouncyCastle; imports may also
 * be PKCS#1 or SEC1 ({@code BEGIN RSA/EC PRIVATE KEY}, as certbot writes them). No message
 * ever quotes a key.
 */
public final class Pem {
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {
    }

    /** The certificates of a PEM chain, in order; refused unless there is at least one. */
    public static List<X509Certificate> parseChain(String pem) {
        if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw new CertificateRefusedException("fullchainPem holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        try {
            Collection<? extends java.security.cert.Certificate> read = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            List<X509Certificate> chain = new ArrayList<>();
            for (java.security.cert.Certificate certificate : read) {
                chain.add((X509Certificate) certificate);
            }
            if (chain.isEmpty()) {
                throw new CertificateRefusedException("fullchainPem holds no certificate");
            }
            return List.copyOf(chain);
        } catch (CertificateException e) {
            throw new CertificateRefusedException("fullchainPem is not a valid PEM chain: " + e.getMessage(), e);
        }
    }

    /** A private key from PEM: PKCS#8, PKCS#1 (RSA) or SEC1 (EC). */
    public static PrivateKey parsePrivateKey(String pem) {
        if (pem == null || !pem.contains("PRIVATE KEY-----")) {
            throw new CertificateRefusedException("privkeyPem holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
        }
        if (pem.contains("ENCRYPTED PRIVATE KEY")) {
            throw new CertificateRefusedException("privkeyPem is encrypted; import it without a passphrase"
                    + " (openssl pkcs8 -topk8 -nocrypt)");
        }
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (object instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (object instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
            }
        } catch (PEMException e) {
            throw new CertificateRefusedException("privkeyPem is not a key this hub reads (RSA or EC)", e);
        } catch (IOException | RuntimeException e) {
            // The parser's own message could quote the input: say only what kind of failure it was.
            throw new CertificateRefusedException("privkeyPem is not valid PEM (" + e.getClass().getSimpleName() + ")");
        }
        throw new CertificateRefusedException("privkeyPem holds no private key");
    }

    /** Certificates as PEM, one block each, in order. */
    public static String certificates(List<X509Certificate> chain) {
        StringBuilder out = new StringBuilder();
        try {
            for (X509Certificate certificate : chain) {
                out.append(block("CERTIFICATE", certificate.getEncoded()));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode a certificate: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** A private key as PKCS#8 PEM. */
    public static String privateKey(PrivateKey key) {
        if (!"PKCS#8".equals(key.getFormat())) {
            throw new IllegalStateException("a " + key.getAlgorithm() + " key encodes as " + key.getFormat());
        }
        return block("PRIVATE KEY", key.getEncoded());
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + BASE64.encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** The serial as the API writes it: lower-case hex, no separators. */
    public static String serial(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16);
    }

    /** {@code sha256:AB:CD:...} of the certificate's DER. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return "sha256:" + HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot fingerprint a certificate: " + e.getMessage(), e);
        }
    }

    /** The DNS names the certificate is for (its subject alternative names). */
    public static List<String> domains(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names == null) {
                return List.of();
            }
            // Type 2 is dNSName.
            return names.stream().filter(n -> Integer.valueOf(2).equals(n.get(0))).map(n -> (String) n.get(1))
                    .toList();
        } catch (CertificateParsingException e) {
            throw new CertificateRefusedException("the certificate's names cannot be read: " + e.getMessage(), e);
        }
    }

    /** Whether {@code key} is the private half of {@code publicKey}: signs and verifies a probe. */
    public static boolean belongTogether(PrivateKey key, PublicKey publicKey) {
        if (!key.getAlgorithm().equals(publicKey.getAlgorithm())) {
            return false;
        }
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new CertificateRefusedException("privkeyPem is a " + key.getAlgorithm()
                    + " key; RSA and EC keys are supported");
        };
        try {
            byte[] probe = "roadie key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
