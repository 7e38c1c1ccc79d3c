package dev.roadie.hub.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The token format, {@code rd_<id>_<secret>}: a 12-character id (9 random bytes) and a
 * 43-character secret (32 random bytes), both base64url without padding. The id may itself
 * contain {@code _}, so tokens are split by position, not by separator.
 */
final class TokenFormat {
    static final String PREFIX = "rd_";
    static final int ID_LENGTH = 12;
    static final int SECRET_LENGTH = 43;
    private static final int ID_BYTES = 9;
    private static final int SECRET_BYTES = 32;
    private static final int TOKEN_LENGTH = PREFIX.length() + ID_LENGTH + 1 + SECRET_LENGTH;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random;

    TokenFormat(SecureRandom random) {
        this.random = random;
    }

    String newId() {
        String id;
        do {
            id = BASE64URL.encodeToString(bytes(ID_BYTES));
            // An id starting with '-' would read as an option on the command line (token revoke ID).
        } while (id.startsWith("-"));
        return id;
    }

    String newSecret() {
        return BASE64URL.encodeToString(bytes(SECRET_BYTES));
    }

    static String format(String id, String secret) {
        return PREFIX + id + "_" + secret;
    }

    /** Splits a token, or returns empty if it is not exactly of the expected shape. */
    static Optional<TokenParts> parse(String token) {
        if (token == null || token.length() != TOKEN_LENGTH || !token.startsWith(PREFIX)
                || token.charAt(PREFIX.length() + ID_LENGTH) != '_') {
            return Optional.empty();
        }
        String id = token.substring(PREFIX.length(), PREFIX.length() + ID_LENGTH);
        String secret = token.substring(PREFIX.length() + ID_LENGTH + 1);
        if (!isBase64Url(id) || !isBase64Url(secret)) {
            return Optional.empty();
        }
        return Optional.of(new TokenParts(id, secret));
    }

    /**
     * SHA-256 of the secret's characters. A fast hash is enough: the secret is 256 random bits, so
     * there is no dictionary to try and brute force is hopeless; slow hashes (bcrypt, Argon2)
     * only matter for low-entropy passwords and would make every connection slow.
     */
    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }

    /** Whether {@code secret} hashes to {@code storedHash}, compared in constant time. */
    static boolean matches(String secret, byte[] storedHash) {
        return MessageDigest.isEqual(hash(secret), storedHash);
    }

    private static boolean isBase64Url(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letterOrDigit = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!letterOrDigit && c != '-' && c != '_') {
                return false;
            }
        }
        return true;
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
