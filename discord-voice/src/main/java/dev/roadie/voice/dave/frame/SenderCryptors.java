package dev.roadie.voice.dave.frame;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * What a receiver holds for one sender in one epoch (libdave's {@code CryptorManager}): the
 * sender's key ratchet, a cipher per key generation in use, and which nonces were already
 * decrypted. It unwraps the one-byte generation on the wire, refuses generations too old, too
 * far ahead or further than the ratchet's age allows, refuses nonces seen before, and erases a
 * generation's key {@link FrameFormat#TRANSITION_EXPIRY} after a newer generation first
 * decrypted. Not thread-safe: its {@link FrameDecryptor} locks around it.
 */
final class SenderCryptors {

    private final InstantSource clock;
    private final SenderKeyRatchet ratchet;
    private final Instant created;
    private Instant expiry = Instant.MAX;
    private final Map<Long, ExpiringCipher> ciphers = new HashMap<>();
    private long oldestGeneration;
    private long newestGeneration;
    private long newestNonce = -1;
    private final ArrayDeque<Long> missingNonces = new ArrayDeque<>();

    private static final class ExpiringCipher {
        final FrameCipher cipher;
        Instant expiry;

        ExpiringCipher(FrameCipher cipher, Instant expiry) {
            this.cipher = cipher;
            this.expiry = expiry;
        }
    }

    SenderCryptors(InstantSource clock, SenderKeyRatchet ratchet) {
        this.clock = clock;
        this.ratchet = ratchet;
        this.created = clock.instant();
    }

    /** From now on this epoch's keys are only good until {@code until} (or earlier if already so). */
    void expireBy(Instant until) {
        if (until.isBefore(expiry)) {
            expiry = until;
        }
    }

    boolean expired() {
        return clock.instant().isAfter(expiry);
    }

    /** The plaintext of {@code frame}, or {@code null} when this sender's keys in this epoch do not open it. */
    byte[] decrypt(ProtocolFrame frame) {
        // Erase what expired first, so that a nonce that wrapped unwraps against the oldest
        // generation still held rather than one already gone.
        dropExpiredCiphers();
        long generation = unwrap(oldestGeneration, frame.wireGeneration());
        long bigNonce = bigNonce(generation, frame.truncatedNonce);
        if (!fresh(bigNonce)) {
            return null;
        }
        FrameCipher cipher = cipherFor(generation);
        if (cipher == null) {
            return null;
        }
        byte[] plaintext = cipher.open(frame.truncatedNonce, frame.ciphertext, frame.tag, frame.authenticated);
        if (plaintext != null) {
            succeeded(generation, bigNonce);
        }
        return plaintext;
    }

    /**
     * The full generation of a one-byte wire generation, assuming it is not older than
     * {@code oldest} (a wrong guess lands far ahead and is refused by the gap check).
     */
    static long unwrap(long oldest, int wireGeneration) {
        long remainder = oldest % FrameFormat.GENERATION_WRAP;
        long factor = oldest / FrameFormat.GENERATION_WRAP + (wireGeneration < remainder ? 1 : 0);
        return factor * FrameFormat.GENERATION_WRAP + wireGeneration;
    }

    /** The nonce counted across wraps: the full generation above the nonce's low 24 bits. */
    static long bigNonce(long generation, int truncatedNonce) {
        return generation << FrameFormat.GENERATION_SHIFT | (truncatedNonce & ((1 << FrameFormat.GENERATION_SHIFT) - 1));
    }

    private boolean fresh(long bigNonce) {
        return newestNonce < 0 || bigNonce > newestNonce || missingNonces.contains(bigNonce);
    }

    private FrameCipher cipherFor(long generation) {
        if (generation < oldestGeneration || generation > newestGeneration + FrameFormat.MAX_GENERATION_GAP) {
            return null;
        }
        // A sender cannot honestly reach generation g before sending g * 2^24 frames at the
        // highest frame rate there is: anything sooner is forged or broken.
        long ageSeconds = Duration.between(created, clock.instant()).toSeconds();
        long reachable = (FrameFormat.MAX_FRAMES_PER_SECOND * ageSeconds) >> FrameFormat.GENERATION_SHIFT;
        if (generation > reachable) {
            return null;
        }
        ExpiringCipher existing = ciphers.get(generation);
        if (existing == null) {
            byte[] key;
            try {
                key = ratchet.key(generation);
            } catch (ErasedGenerationException e) {
                return null;
            }
            // A late frame of a generation already passed gets a cipher that expires like the others did.
            Instant cipherExpiry = generation < newestGeneration ? clock.instant().plus(FrameFormat.TRANSITION_EXPIRY) : Instant.MAX;
            existing = new ExpiringCipher(new FrameCipher(key), cipherExpiry);
            ciphers.put(generation, existing);
        }
        return existing.cipher;
    }

    private void succeeded(long generation, long bigNonce) {
        if (newestNonce < 0) {
            newestNonce = bigNonce;
        } else if (bigNonce > newestNonce) {
            long skipped = Math.min(bigNonce - newestNonce - 1, FrameFormat.MAX_MISSING_NONCES);
            while (!missingNonces.isEmpty() && missingNonces.size() + skipped > FrameFormat.MAX_MISSING_NONCES) {
                missingNonces.pollFirst();
            }
            for (long n = bigNonce - skipped; n < bigNonce; n++) {
                missingNonces.addLast(n);
            }
            newestNonce = bigNonce;
        } else {
            missingNonces.remove(bigNonce);
        }
        if (generation <= newestGeneration || !ciphers.containsKey(generation)) {
            return;
        }
        newestGeneration = generation;
        Instant oldOnesExpire = clock.instant().plus(FrameFormat.TRANSITION_EXPIRY);
        ciphers.forEach((g, cipher) -> {
            if (g < newestGeneration && oldOnesExpire.isBefore(cipher.expiry)) {
                cipher.expiry = oldOnesExpire;
            }
        });
    }

    private void dropExpiredCiphers() {
        Instant now = clock.instant();
        for (Iterator<ExpiringCipher> it = ciphers.values().iterator(); it.hasNext();) {
            if (it.next().expiry.isBefore(now)) {
                it.remove();
            }
        }
        while (oldestGeneration < newestGeneration && !ciphers.containsKey(oldestGeneration)) {
            ratchet.erase(oldestGeneration);
            oldestGeneration++;
        }
    }
}
