package dev.roadie.voice.dave.frame;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-128-GCM with the 64-bit tags DAVE uses. The JDK's provider accepts only tags of 96 bits
 * and more, so this is BouncyCastle's GCM. One key per instance; not thread-safe (its owner
 * locks around it).
 */
final class FrameCipher {

    private final KeyParameter key;
    private final GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
    /** After the first use the key schedule and GHASH tables are kept: a null key tells GCM to reuse them. */
    private boolean keyed;

    FrameCipher(byte[] key) {
        if (key.length != FrameFormat.KEY_BYTES) {
            throw new IllegalArgumentException("AES-128-GCM takes a 16-byte key, not " + key.length + " bytes");
        }
        this.key = new KeyParameter(key.clone());
    }

    /** The 12-byte GCM nonce of a truncated one: eight zero bytes, then its four bytes, least significant first. */
    static byte[] fullNonce(int truncatedNonce) {
        byte[] nonce = new byte[FrameFormat.NONCE_BYTES];
        nonce[8] = (byte) truncatedNonce;
        nonce[9] = (byte) (truncatedNonce >>> 8);
        nonce[10] = (byte) (truncatedNonce >>> 16);
        nonce[11] = (byte) (truncatedNonce >>> 24);
        return nonce;
    }

    /** Ciphertext (as long as {@code plaintext}) followed by the 8-byte tag. */
    byte[] seal(int truncatedNonce, byte[] plaintext, byte[] additionalData) {
        gcm.init(true, new AEADParameters(keyOnce(), FrameFormat.TAG_BYTES * 8, fullNonce(truncatedNonce), additionalData));
        byte[] out = new byte[gcm.getOutputSize(plaintext.length)];
        int written = gcm.processBytes(plaintext, 0, plaintext.length, out, 0);
        try {
            gcm.doFinal(out, written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("GCM encryption cannot fail on a well-formed input", e);
        }
        return out;
    }

    /** The plaintext of {@code ciphertext} under {@code tag}, or {@code null} when the tag does not match. */
    byte[] open(int truncatedNonce, byte[] ciphertext, byte[] tag, byte[] additionalData) {
        gcm.init(false, new AEADParameters(keyOnce(), FrameFormat.TAG_BYTES * 8, fullNonce(truncatedNonce), additionalData));
        byte[] out = new byte[ciphertext.length];
        int written = gcm.processBytes(ciphertext, 0, ciphertext.length, out, 0);
        written += gcm.processBytes(tag, 0, tag.length, out, written);
        try {
            gcm.doFinal(out, written);
            return out;
        } catch (InvalidCipherTextException e) {
            // A forged, damaged or wrong-key frame: the caller tries its next key or drops the frame.
            return null;
        }
    }

    private KeyParameter keyOnce() {
        if (keyed) {
            return null;
        }
        keyed = true;
        return key;
    }
}
