package dev.roadie.voice.media;

import com.google.crypto.tink.aead.internal.InsecureNonceXChaCha20Poly1305;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Transport encryption of RTP packets in one of the rtpsize AEAD modes, with the 32-byte secret
 * key of op 4 Session Description. A sealed packet is the unencrypted header (fixed header,
 * CSRCs, extension preamble), then the ciphertext with its 16-byte tag, then the 4-byte
 * big-endian nonce counter; the cipher's nonce is that counter followed by zeros (12 bytes for
 * AES-GCM, 24 for XChaCha20-Poly1305). The header is the additional data.
 *
 * <p>One instance seals for one sender: its counter starts at 0, goes up by one per packet and
 * is never reused; after 2^32 packets (about 2.7 years of audio) sealing refuses rather than
 * wrap. Opening keeps no state and is thread-safe.
 */
public final class TransportCipher {

    /** Bytes the rtpsize modes append: the nonce counter. */
    public static final int NONCE_SUFFIX_LENGTH = 4;
    /** Bytes of the authentication tag, in both modes. */
    public static final int TAG_LENGTH = 16;

    private static final long COUNTER_LIMIT = 1L << 32;

    private final TransportMode mode;
    private final byte[] key;
    private final AtomicLong nextCounter;

    /**
     * @param mode      the mode op 4 named
     * @param secretKey the 32-byte key op 4 gave
     */
    public TransportCipher(TransportMode mode, byte[] secretKey) {
        this(mode, secretKey, 0);
    }

    /** Starts the nonce counter elsewhere than 0: for tests of its end. */
    TransportCipher(TransportMode mode, byte[] secretKey, long firstCounter) {
        if (secretKey.length != 32) {
            throw new IllegalArgumentException("The transport secret key is 32 bytes (op 4's secret_key); this one has " + secretKey.length + ".");
        }
        this.mode = mode;
        this.key = secretKey.clone();
        this.nextCounter = new AtomicLong(firstCounter);
    }

    /** The mode this cipher seals and opens in. */
    public TransportMode mode() {
        return mode;
    }

    /**
     * Seals one packet.
     *
     * @param header  the unencrypted part: the RTP header, with CSRCs and extension preamble if any
     * @param payload what is encrypted: the extension body if any, then the (DAVE-protected) Opus frame
     * @throws IllegalStateException when this sender has used all 2^32 nonces: reconnect for a new key
     */
    public byte[] seal(byte[] header, byte[] payload) {
        long counter = nextCounter.getAndIncrement();
        if (counter >= COUNTER_LIMIT) {
            throw new IllegalStateException("This voice connection has sent 2^32 packets and would reuse a transport nonce; reconnect to get a new key.");
        }
        byte[] suffix = ByteBuffer.allocate(NONCE_SUFFIX_LENGTH).putInt((int) counter).array();
        byte[] sealed;
        try {
            sealed = encrypt(nonce(suffix), header, payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK or Tink refused to encrypt with " + mode.wireName() + ": " + e.getMessage(), e);
        }
        return ByteBuffer.allocate(header.length + sealed.length + NONCE_SUFFIX_LENGTH)
                .put(header).put(sealed).put(suffix).array();
    }

    /**
     * Opens one received packet: checks its tag against the header, decrypts it, and drops the
     * RTP extension body from the front of the plaintext.
     *
     * @return the header and the frame (still DAVE-protected if the call is)
     * @throws PacketRefusedException when the packet is too short or fails authentication
     */
    public OpenedPacket open(byte[] packet, int length) throws PacketRefusedException {
        if (length < RtpHeader.LENGTH + TAG_LENGTH + NONCE_SUFFIX_LENGTH) {
            throw new PacketRefusedException("Packet of " + length + " bytes is too short for " + mode.wireName() + ".");
        }
        int headerLength = RtpHeader.unencryptedLength(packet);
        if (length < headerLength + TAG_LENGTH + NONCE_SUFFIX_LENGTH) {
            throw new PacketRefusedException("Packet of " + length + " bytes is shorter than its " + headerLength + "-byte header and tag.");
        }
        byte[] header = Arrays.copyOf(packet, headerLength);
        byte[] suffix = Arrays.copyOfRange(packet, length - NONCE_SUFFIX_LENGTH, length);
        byte[] sealed = Arrays.copyOfRange(packet, headerLength, length - NONCE_SUFFIX_LENGTH);
        byte[] plain;
        try {
            plain = decrypt(nonce(suffix), header, sealed);
        } catch (AEADBadTagException e) {
            throw new PacketRefusedException("Packet fails " + mode.wireName() + " authentication: tampered, or sealed with another key.", e);
        } catch (GeneralSecurityException e) {
            throw new PacketRefusedException("Packet cannot be opened with " + mode.wireName() + ": " + e.getMessage(), e);
        }
        int extension = RtpHeader.extensionBodyLength(packet);
        if (extension > plain.length) {
            throw new PacketRefusedException("Packet announces a " + extension + "-byte header extension but carries " + plain.length + " bytes.");
        }
        return new OpenedPacket(RtpHeader.parse(packet), Arrays.copyOfRange(plain, extension, plain.length));
    }

    private byte[] nonce(byte[] suffix) {
        return Arrays.copyOf(suffix, mode.nonceLength());
    }

    private byte[] encrypt(byte[] nonce, byte[] aad, byte[] plain) throws GeneralSecurityException {
        return switch (mode) {
            case AEAD_AES256_GCM_RTPSIZE -> aesGcm(Cipher.ENCRYPT_MODE, nonce).doFinalWithAad(aad, plain);
            case AEAD_XCHACHA20_POLY1305_RTPSIZE -> new InsecureNonceXChaCha20Poly1305(key).encrypt(nonce, plain, aad);
        };
    }

    private byte[] decrypt(byte[] nonce, byte[] aad, byte[] sealed) throws GeneralSecurityException {
        return switch (mode) {
            case AEAD_AES256_GCM_RTPSIZE -> aesGcm(Cipher.DECRYPT_MODE, nonce).doFinalWithAad(aad, sealed);
            case AEAD_XCHACHA20_POLY1305_RTPSIZE -> new InsecureNonceXChaCha20Poly1305(key).decrypt(nonce, sealed, aad);
        };
    }

    private GcmCall aesGcm(int direction, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(direction, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_LENGTH * 8, nonce));
        return new GcmCall(cipher);
    }

    private record GcmCall(Cipher cipher) {
        byte[] doFinalWithAad(byte[] aad, byte[] input) throws GeneralSecurityException {
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        }
    }
}
