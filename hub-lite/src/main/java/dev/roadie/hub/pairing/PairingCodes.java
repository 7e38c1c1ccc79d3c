package dev.roadie.hub.pairing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The codes of a pairing. A user code is 8 letters from an alphabet without vowels (so that no
 * word, rude or not, can appear) and without look-alike digits, shown {@code BCDF-GHJK}: about 34
 * bits, read aloud or typed in seconds, safe because it lives minutes and guessing is throttled.
 * A device code is 32 random bytes, only ever seen by the device. Both are stored as SHA-256.
 */
final class PairingCodes {
    /** RFC 8628 section 6.1's example alphabet: 20 consonants. */
    static final String ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
    static final int USER_CODE_LENGTH = 8;
    private static final int DEVICE_CODE_BYTES = 32;
    private static final int ID_BYTES = 5;

    private final SecureRandom random;

    PairingCodes(SecureRandom random) {
        this.random = random;
    }

    /** A new user code, without its dash: {@code BCDFGHJK}. */
    String newUserCode() {
        StringBuilder code = new StringBuilder(USER_CODE_LENGTH);
        for (int i = 0; i < USER_CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    String newDeviceCode() {
        byte[] bytes = new byte[DEVICE_CODE_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A pairing's public id, lower-case hex so that it can end a token's name. */
    String newId() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** {@code BCDFGHJK} as shown: {@code BCDF-GHJK}. */
    static String display(String userCode) {
        return userCode.substring(0, 4) + "-" + userCode.substring(4);
    }

    /**
     * A user code as typed ({@code bcdf ghjk}, {@code BCDF-GHJK}) in its stored form, or empty when
     * it cannot be one: spaces and dashes are dropped and case ignored, as RFC 8628 advises.
     */
    static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String code = typed.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (code.length() != USER_CODE_LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(code);
    }

    /**
     * SHA-256 in hex. A fast hash suffices: a stored code is useful for minutes only, and reading
     * the database already means holding the hub's data.
     */
    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
