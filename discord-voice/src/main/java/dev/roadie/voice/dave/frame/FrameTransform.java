package dev.roadie.voice.dave.frame;

import dev.roadie.voice.dave.DaveFrames;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection's DAVE encoded frame transform, the {@link DaveFrames} the MLS session drives and
 * the media path runs every frame through: our {@link FrameEncryptor} on the way out, one
 * {@link FrameDecryptor} per other user on the way in. How transitions switch it (whitepaper,
 * "Protocol Version Changes" and "Downgrade to Transport-Only Encryption"):
 *
 * <ul>
 *   <li>{@link #prepareEpoch}: a commit or welcome was processed. Each other member's frames may
 *       now be under their new key (their previous epoch's keys still work for
 *       {@link #TRANSITION_EXPIRY}; those of members no longer in the group only for that long);
 *       our own new key waits for the transition to execute.
 *   <li>{@link #executeTransition} above 0: our frames are encrypted with our key of the latest
 *       prepared epoch from the next one on. At 0: they go out as they are, and everyone's
 *       current keys still work for {@link #TRANSITION_EXPIRY}.
 *   <li>{@link #setReceivePassthrough}: {@code true} lets frames that fail the protocol frame
 *       check through; {@code false} stops that {@link #TRANSITION_EXPIRY} from now.
 * </ul>
 *
 * It starts as a call without DAVE: both directions pass frames as they are. Thread-safe: the
 * sending thread, the receiving thread and the gateway's thread call it at the same time.
 */
public final class FrameTransform implements DaveFrames {

    /** How long the previous epoch's keys and passthrough stay usable after a transition. */
    public static final Duration TRANSITION_EXPIRY = FrameFormat.TRANSITION_EXPIRY;

    private static final Logger log = LoggerFactory.getLogger(FrameTransform.class);

    private final InstantSource clock;
    private final FrameEncryptor encryptor = new FrameEncryptor(UnencryptedRanges.OPUS);
    private final Map<Long, FrameDecryptor> decryptors = new ConcurrentHashMap<>();
    /** What a decryptor made for a user we have no keys for yet starts with; guarded by this. */
    private boolean passthroughForNewUsers = true;
    /** Our own base secret of the latest prepared epoch, until a transition puts it to use; guarded by this. */
    private byte[] preparedOwnSecret;

    /** On the system clock. */
    public FrameTransform() {
        this(InstantSource.system());
    }

    /** @param clock what transitions expire by (tests pass one they move by hand) */
    public FrameTransform(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void prepareEpoch(long epoch, long selfUserId, Map<Long, byte[]> senderBaseSecrets) {
        senderBaseSecrets.forEach((userId, secret) -> {
            if (userId != selfUserId) {
                receiveWith(userId, secret);
            }
        });
        // Members who left: their frames still in flight decrypt for a while, then they go.
        decryptors.entrySet().removeIf(entry -> !senderBaseSecrets.containsKey(entry.getKey()) && !entry.getValue().holdsKeys());
        decryptors.forEach((userId, decryptor) -> {
            if (!senderBaseSecrets.containsKey(userId)) {
                decryptor.transitionToKeyRatchet(null, TRANSITION_EXPIRY);
            }
        });
        byte[] own = senderBaseSecrets.get(selfUserId);
        preparedOwnSecret = own == null ? null : own.clone();
        log.debug("DAVE epoch {} prepared: keys for {} senders", epoch, senderBaseSecrets.size());
    }

    @Override
    public synchronized void executeTransition(int protocolVersion) {
        if (protocolVersion == 0) {
            sendPassthrough();
            dropKeys();
        } else if (preparedOwnSecret != null) {
            sendWith(preparedOwnSecret);
            preparedOwnSecret = null;
        } else if (encryptor.passthrough()) {
            log.warn("DAVE transition to protocol version {} executed before any epoch gave this client a key; frames keep going out unencrypted",
                    protocolVersion);
        }
        // Otherwise the group kept its epoch (a version change without a commit): same key.
    }

    @Override
    public void setReceivePassthrough(boolean allowed) {
        if (allowed) {
            allowPassthrough();
        } else {
            endPassthrough();
        }
    }

    /** Frames from {@code userId} may now be under the ratchet of {@code senderBaseSecret}; that user's earlier keys keep working for {@link #TRANSITION_EXPIRY}. */
    void receiveWith(long userId, byte[] senderBaseSecret) {
        decryptor(userId).transitionToKeyRatchet(new SenderKeyRatchet(senderBaseSecret), TRANSITION_EXPIRY);
    }

    /** Our own frames are encrypted from the next one on, with the ratchet of our base secret. */
    void sendWith(byte[] ownBaseSecret) {
        encryptor.useKeyRatchet(new SenderKeyRatchet(ownBaseSecret));
    }

    /** Our own frames go out unencrypted from the next one on. */
    void sendPassthrough() {
        encryptor.usePassthrough();
    }

    /** Unencrypted frames from everyone pass, until {@link #endPassthrough}. */
    synchronized void allowPassthrough() {
        passthroughForNewUsers = true;
        decryptors.values().forEach(d -> d.transitionToPassthroughMode(true, TRANSITION_EXPIRY));
    }

    /** Unencrypted frames stop passing {@link #TRANSITION_EXPIRY} from now. */
    synchronized void endPassthrough() {
        passthroughForNewUsers = false;
        decryptors.values().forEach(d -> d.transitionToPassthroughMode(false, TRANSITION_EXPIRY));
    }

    /** Every user's current keys stop working {@link #TRANSITION_EXPIRY} from now. */
    void dropKeys() {
        decryptors.values().forEach(d -> d.transitionToKeyRatchet(null, TRANSITION_EXPIRY));
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
