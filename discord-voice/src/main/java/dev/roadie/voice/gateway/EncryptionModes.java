package dev.roadie.voice.gateway;

import java.util.List;
import java.util.Optional;

/**
 * The transport encryption modes this client speaks, best first. Discord prefers AES-256-GCM
 * where the hardware has it; XChaCha20-Poly1305 is the mode every voice server must offer.
 */
public final class EncryptionModes {

    public static final String AES256_GCM = "aead_aes256_gcm_rtpsize";
    public static final String XCHACHA20_POLY1305 = "aead_xchacha20_poly1305_rtpsize";

    /** In order of preference. */
    public static final List<String> SUPPORTED = List.of(AES256_GCM, XCHACHA20_POLY1305);

    /** The best mode this client speaks among those the server offered in ready. */
    public static Optional<String> choose(List<String> offered) {
        return SUPPORTED.stream().filter(offered::contains).findFirst();
    }

    private EncryptionModes() {
    }
}
