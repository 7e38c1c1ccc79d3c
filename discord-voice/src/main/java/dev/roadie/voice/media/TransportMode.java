package dev.roadie.voice.media;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The transport encryption modes this client speaks, by their wire names in op 2 Ready's
 * {@code modes} and op 1 Select Protocol. Both are "rtpsize" AEAD modes: the RTP header (with
 * its CSRCs and the extension preamble) is the additional data, the rest of the packet is
 * encrypted, and a 32-bit counter appended to the packet makes the nonce.
 */
public enum TransportMode {

    /** AES-256-GCM from the JDK; Discord prefers it where its servers offer it. */
    AEAD_AES256_GCM_RTPSIZE("aead_aes256_gcm_rtpsize", 12),

    /** XChaCha20-Poly1305 from Tink; every Discord voice server offers it. */
    AEAD_XCHACHA20_POLY1305_RTPSIZE("aead_xchacha20_poly1305_rtpsize", 24);

    private final String wireName;
    private final int nonceLength;

    TransportMode(String wireName, int nonceLength) {
        this.wireName = wireName;
        this.nonceLength = nonceLength;
    }

    /** The name in the voice gateway's JSON. */
    public String wireName() {
        return wireName;
    }

    /** The full nonce the cipher takes; only its first four bytes carry the counter. */
    int nonceLength() {
        return nonceLength;
    }

    /** The mode with this wire name, if this client speaks it. */
    public static Optional<TransportMode> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(mode -> mode.wireName.equals(wireName)).findFirst();
    }

    /**
     * The mode to select from what the server offers: AES-GCM when offered, as Discord asks,
     * else XChaCha20-Poly1305.
     *
     * @throws IllegalArgumentException when the server offers neither, naming what it offered
     */
    public static TransportMode pick(List<String> offered) {
        for (TransportMode mode : values()) {
            if (offered.contains(mode.wireName)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("The voice server offers no transport encryption mode this client speaks: it offers "
                + offered + ", this client speaks " + AEAD_AES256_GCM_RTPSIZE.wireName + " and "
                + AEAD_XCHACHA20_POLY1305_RTPSIZE.wireName + ".");
    }
}
