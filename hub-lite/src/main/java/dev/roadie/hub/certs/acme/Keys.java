package dev.roadie.hub.certs.acme;

import dev.roadie.hub.certs.Pem;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** New EC P-256 key pairs, and key pairs as PEM (the private key PKCS#8, the public key X.509). */
final class Keys {
    private static final String PUBLIC_BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String PUBLIC_END = "-----END PUBLIC KEY-----";

    private Keys() {
    }

    static KeyPair newEcKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is not available in this Java: " + e.getMessage(), e);
        }
    }

    static String toPem(KeyPair pair) {
        return Pem.privateKey(pair.getPrivate()) + PUBLIC_BEGIN + "\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pair.getPublic().getEncoded()) + "\n"
                + PUBLIC_END + "\n";
    }

    static KeyPair fromPem(String pem) {
        int begin = pem.indexOf(PUBLIC_BEGIN);
        int end = pem.indexOf(PUBLIC_END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException("the stored ACME account key has no public half");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + PUBLIC_BEGIN.length(), end));
            PublicKey publicKey = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
            return new KeyPair(publicKey, Pem.parsePrivateKey(pem.substring(0, begin)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored ACME account key cannot be read: " + e.getMessage(), e);
        }
    }
}
