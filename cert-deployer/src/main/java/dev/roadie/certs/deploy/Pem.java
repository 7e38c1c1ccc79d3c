package dev.roadie.certs.deploy;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM certificates and PKCS#8 keys read with the JDK alone. Messages never quote key material. */
final class Pem {
    private static final Pattern CERTIFICATE = Pattern.compile(
            "-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\\s]+?-----END CERTIFICATE-----");
    private static final Pattern PKCS8 = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+?)-----END PRIVATE KEY-----");
    /** Key algorithms a PKCS#8 key may be in: the hub issues EC keys, imports may be RSA. */
    private static final List<String> KEY_ALGORITHMS = List.of("EC", "RSA", "Ed25519", "Ed448");

    private Pem() {
    }

    /** The certificates in {@code pem}, in order; anything else (a key block) is ignored. */
    static List<X509Certificate> certificates(String pem) throws CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> chain = new ArrayList<>();
        Matcher block = CERTIFICATE.matcher(pem);
        while (block.find()) {
            chain.add((X509Certificate) factory.generateCertificate(
                    new ByteArrayInputStream(block.group().getBytes(StandardCharsets.US_ASCII))));
        }
        if (chain.isEmpty()) {
            throw new CertificateException("no PEM certificate found");
        }
        return chain;
    }

    /** The PKCS#8 private key in {@code pem}. */
    static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        Matcher block = PKCS8.matcher(pem);
        if (!block.find()) {
            throw new GeneralSecurityException(pem.contains("-----BEGIN EC PRIVATE KEY-----")
                    || pem.contains("-----BEGIN RSA PRIVATE KEY-----")
                    ? "the private key is not PKCS#8; convert it with 'openssl pkcs8 -topk8 -nocrypt'"
                    : "no PKCS#8 private key (-----BEGIN PRIVATE KEY-----) found");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(block.group(1).strip());
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("the private key's PEM is not valid base64");
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException notThisOne) {
                // The encoding names its algorithm; trying the few we accept is simpler than parsing the DER.
                continue;
            }
        }
        throw new GeneralSecurityException("the private key is none of " + KEY_ALGORITHMS);
    }

    /**
     * Whether {@code key} belongs to {@code certificate}: signs a random value and verifies it with the
     * certificate's public key, so that a mismatched pair is refused before any service loads it.
     */
    static boolean matches(PrivateKey key, X509Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> key.getAlgorithm();
        };
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** A serial as the hub writes it: lower-case hex. */
    static String serial(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16);
    }

    /** Whether two hex serials are the same number ({@code 0a1b} equals {@code a1b}). */
    static boolean sameSerial(String a, String b) {
        try {
            return a != null && b != null && new BigInteger(a, 16).equals(new BigInteger(b, 16));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** {@code text} ending with exactly one newline, so that concatenated blocks stay apart. */
    static String line(String text) {
        return text.strip() + "\n";
    }
}
