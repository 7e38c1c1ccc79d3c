package dev.roadie.voice.dave.frame;

import dev.roadie.voice.media.EndToEnd;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection's DAVE frame layer, the {@link EndToEnd} the media path runs every frame through:
 * our {@link FrameEncryptor} on the way out, one {@link FrameDecryptor} per other user on the way
 * in. The MLS part switches it as transitions happen (whitepaper, "Protocol Version Changes" and
 * "Downgrade to Transport-Only Encryption"):
 *
 * <ul>
 *   <li>a commit or welcome was processed for a new epoch: {@link #receiveWith} for each other
 *       member, with that member's base secret in the new epoch (old keys stay for ten seconds);
 *   <li>the transition executes with protocol version 1: {@link #sendWith} our own base secret,
 *       then {@link #endPassthrough} so unencrypted frames stop passing ten seconds later;
 *   <li>a downgrade to version 0 is prepared: {@link #allowPassthrough}; when it executes:
 *       {@link #sendPassthrough} and {@link #dropKeys}.
 * </ul>
 *
 * It starts as a call without DAVE: both directions pass frames as they are. Thread-safe.
 */
public final class DaveFrames implements EndToEnd {

    /** How long the previous epoch's keys and passthrough stay usable after a transition. */
    public static final Duration TRANSITION_EXPIRY = FrameFormat.TRANSITION_EXPIRY;

    private static final Logger log = LoggerFactory.getLogger(DaveFrames.class);

    private final InstantSource clock;
    private final FrameEncryptor encryptor = new FrameEncryptor(UnencryptedRanges.OPUS);
    private final Map<Long, FrameDecryptor> decryptors = new ConcurrentHashMap<>();
    /** What a decryptor made for a user we have no keys for yet starts with; guarded by this. */
    private boolean passthroughForNewUsers = true;

    /** On the system clock. */
    public DaveFrames() {
        this(InstantSource.system());
    }

    /** @param clock what transitions expire by (tests pass one they move by hand) */
    public DaveFrames(InstantSource clock) {
        this.clock = clock;
    }

    /**
     * Frames from {@code userId} may now be encrypted with the key ratchet of
     * {@code senderBaseSecret} ({@code MLS-Exporter("Discord Secure Frames v0", that user's id as
     * 8 little-endian bytes, 16)} in the new epoch); that user's keys of earlier epochs keep
     * working for {@link #TRANSITION_EXPIRY}.
     */
    public void receiveWith(long userId, byte[] senderBaseSecret) {
        decryptor(userId).transitionToKeyRatchet(new SenderKeyRatchet(senderBaseSecret), TRANSITION_EXPIRY);
    }

    /** Our own frames are encrypted from the next one on, with the ratchet of our base secret in the new epoch. */
    public void sendWith(byte[] ownBaseSecret) {
        encryptor.useKeyRatchet(new SenderKeyRatchet(ownBaseSecret));
    }

    /** Our own frames go out unencrypted from the next one on (protocol version 0). */
    public void sendPassthrough() {
        encryptor.usePassthrough();
    }

    /** Unencrypted frames from everyone pass, until {@link #endPassthrough} (a downgrade is coming). */
    public synchronized void allowPassthrough() {
        passthroughForNewUsers = true;
        decryptors.values().forEach(d -> d.transitionToPassthroughMode(true, TRANSITION_EXPIRY));
    }

    /** Unencrypted frames stop passing {@link #TRANSITION_EXPIRY} from now (an upgrade executed). */
    public synchronized void endPassthrough() {
        passthroughForNewUsers = false;
        decryptors.values().forEach(d -> d.transitionToPassthroughMode(false, TRANSITION_EXPIRY));
    }

    /** Every user's current keys stop working {@link #TRANSITION_EXPIRY} from now (a downgrade executed). */
    public void dropKeys() {
        decryptors.values().forEach(d -> d.transitionToKeyRatchet(null, TRANSITION_EXPIRY));
    }

    /** {@code userId} left the call: its decryptor and keys go. */
    public void forget(long userId) {
        decryptors.remove(userId);
    }

    /** Whether our own frames currently go out unencrypted. */
    public boolean sendingPassthrough() {
        return encryptor.passthrough();
    }

    @Override
    public byte[] protect(byte[] opusFrame) {
        return encryptor.encrypt(opusFrame);
    }

    @Override
    public byte[] unprotect(long userId, byte[] frame) {
        byte[] media = decryptor(userId).decrypt(frame);
        if (media == null) {
            log.debug("Dropped a frame of {} bytes from user {}: no key of theirs opens it, or it is unencrypted while passthrough is off",
                    frame.length, userId);
        }
        return media;
    }

    private FrameDecryptor decryptor(long userId) {
        FrameDecryptor existing = decryptors.get(userId);
        if (existing != null) {
            return existing;
        }
        // Under the same lock as the passthrough switches, so that a decryptor made while one of
        // them runs cannot miss it.
        synchronized (this) {
            return decryptors.computeIfAbsent(userId, this::newDecryptor);
        }
    }

    private FrameDecryptor newDecryptor(long userId) {
        FrameDecryptor decryptor = new FrameDecryptor(clock);
        if (passthroughForNewUsers) {
            decryptor.transitionToPassthroughMode(true, TRANSITION_EXPIRY);
        }
        return decryptor;
    }
}
