package dev.roadie.voice.dave.frame;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One sender's media keys in one MLS epoch: the hash ratchet of RFC 9420 section 9.1 started
 * from the sender's base secret, as DAVE's whitepaper ("Sender Key Derivation") and libdave's
 * {@code MlsKeyRatchet} use it, with ciphersuite 2's HKDF-SHA256 and 16-byte AES-128 keys.
 *
 * <pre>
 * key(g)         = ExpandWithLabel(secret(g), "key",    uint32 g, 16)
 * secret(g + 1)  = ExpandWithLabel(secret(g), "secret", uint32 g, 32)
 * secret(0)      = sender base secret (16 bytes from the MLS exporter)
 * </pre>
 *
 * Keys are kept from the moment they are derived until {@link #erase} drops them; a generation
 * that has been ratcheted past and erased cannot come back, which is what makes old keys
 * useless to someone who steals the current state. Not thread-safe: each encryptor and
 * decryptor owns its own ratchet and calls it under its own lock.
 */
public final class SenderKeyRatchet {

    private static final String LABEL_PREFIX = "MLS 1.0 ";
    private static final int SECRET_BYTES = 32;

    private byte[] nextSecret;
    private long nextGeneration;
    private final Map<Long, byte[]> keys = new HashMap<>();

    /**
     * @param baseSecret the sender's base secret for this epoch,
     *                   {@code MLS-Exporter("Discord Secure Frames v0", little-endian user id, 16)};
     *                   copied, so the caller may wipe its own copy
     */
    public SenderKeyRatchet(byte[] baseSecret) {
        if (baseSecret == null || baseSecret.length == 0) {
            throw new IllegalArgumentException("a sender key ratchet needs the sender's base secret from the MLS exporter");
        }
        this.nextSecret = baseSecret.clone();
    }

    /**
     * The 16-byte AES-128-GCM key for {@code generation}, ratcheting forward as far as needed
     * (keys of the generations passed on the way are kept until erased).
     *
     * @throws ErasedGenerationException when that generation's key was erased
     */
    public byte[] key(long generation) {
        if (generation < 0) {
            throw new IllegalArgumentException("key generations start at 0, not " + generation);
        }
        byte[] key = keys.get(generation);
        if (key != null) {
            return key.clone();
        }
        if (generation < nextGeneration) {
            throw new ErasedGenerationException(generation);
        }
        while (nextGeneration <= generation) {
            step();
        }
        return keys.get(generation).clone();
    }

    /** Forgets the key of {@code generation}; later requests for it fail. */
    public void erase(long generation) {
        byte[] key = keys.remove(generation);
        if (key != null) {
            Arrays.fill(key, (byte) 0);
        }
    }

    private void step() {
        keys.put(nextGeneration, expandWithLabel(nextSecret, "key", generationContext(nextGeneration), FrameFormat.KEY_BYTES));
        byte[] following = expandWithLabel(nextSecret, "secret", generationContext(nextGeneration), SECRET_BYTES);
        Arrays.fill(nextSecret, (byte) 0);
        nextSecret = following;
        nextGeneration++;
    }

    /** RFC 9420's generation context: a big-endian uint32. */
    private static byte[] generationContext(long generation) {
        return new byte[] {
            (byte) (generation >>> 24), (byte) (generation >>> 16), (byte) (generation >>> 8), (byte) generation
        };
    }

    /**
     * RFC 9420 section 8's {@code ExpandWithLabel}: HKDF-Expand over the serialised
     * {@code KDFLabel { uint16 length; opaque label<V>; opaque context<V>; }}, label prefixed
     * with "MLS 1.0 ".
     */
    static byte[] expandWithLabel(byte[] secret, String label, byte[] context, int length) {
        byte[] fullLabel = (LABEL_PREFIX + label).getBytes(StandardCharsets.US_ASCII);
        byte[] info = new byte[2 + varintSize(fullLabel.length) + fullLabel.length + varintSize(context.length) + context.length];
        int at = 0;
        info[at++] = (byte) (length >>> 8);
        info[at++] = (byte) length;
        at = writeVarint(fullLabel.length, info, at);
        System.arraycopy(fullLabel, 0, info, at, fullLabel.length);
        at += fullLabel.length;
        at = writeVarint(context.length, info, at);
        System.arraycopy(context, 0, info, at, context.length);
        return hkdfExpand(secret, info, length);
    }

    /** RFC 5869 HKDF-Expand with HMAC-SHA256. */
    private static byte[] hkdfExpand(byte[] prk, byte[] info, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            byte[] out = new byte[length];
            byte[] block = new byte[0];
            int written = 0;
            for (int counter = 1; written < length; counter++) {
                mac.update(block);
                mac.update(info);
                mac.update((byte) counter);
                block = mac.doFinal();
                int take = Math.min(block.length, length - written);
                System.arraycopy(block, 0, out, written, take);
                written += take;
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime; this one lacks it", e);
        }
    }

    /** MLS variable-length integers (RFC 9420 section 2.1.2), here only ever below 2^14. */
    private static int varintSize(int value) {
        return value < 64 ? 1 : 2;
    }

    private static int writeVarint(int value, byte[] into, int at) {
        if (value < 64) {
            into[at++] = (byte) value;
        } else {
            into[at++] = (byte) (0x40 | (value >>> 8));
            into[at++] = (byte) value;
        }
        return at;
    }
}
