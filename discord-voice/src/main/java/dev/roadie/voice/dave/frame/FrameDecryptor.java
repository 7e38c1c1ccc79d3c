package dev.roadie.voice.dave.frame;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Decrypts one other user's frames (libdave's {@code Decryptor}), codec-unaware. It holds that
 * sender's ratchet for the current epoch and, for a while after a transition, those of earlier
 * epochs, trying the newest first; and it knows whether unencrypted frames may pass.
 *
 * <p>Rules, in order: the Opus silence frame {@code F8 FF FE} always passes as it is (the SFU
 * makes it up for muted senders); a frame that fails the protocol frame check passes only while
 * passthrough is allowed, and is dropped otherwise; a protocol frame is decrypted or dropped,
 * never passed. Thread-safe: the receiving thread decrypts while the DAVE thread moves epochs.
 */
public final class FrameDecryptor {

    private final InstantSource clock;
    private final ArrayDeque<SenderCryptors> epochs = new ArrayDeque<>();
    private Instant passthroughUntil = Instant.MIN;

    /** @param clock the time source transitions expire by (tests pass their own) */
    public FrameDecryptor(InstantSource clock) {
        this.clock = clock;
    }

    /**
     * Frames from now on may be of the epoch {@code ratchet} belongs to; those of earlier epochs
     * still decrypt for {@code transitionExpiry}. A {@code null} ratchet only starts that
     * countdown (the sender left the group or the call went back to transport encryption).
     */
    public synchronized void transitionToKeyRatchet(SenderKeyRatchet ratchet, Duration transitionExpiry) {
        Instant until = clock.instant().plus(transitionExpiry);
        epochs.forEach(epoch -> epoch.expireBy(until));
        if (ratchet != null) {
            epochs.addLast(new SenderCryptors(clock, ratchet));
        }
    }

    /**
     * {@code true}: frames that are not protocol frames pass as they are, until told otherwise
     * (a transport-only call, or a downgrade under way). {@code false}: they keep passing for
     * {@code transitionExpiry} at most, for the frames sent before the upgrade executed.
     */
    public synchronized void transitionToPassthroughMode(boolean passthrough, Duration transitionExpiry) {
        if (passthrough) {
            passthroughUntil = Instant.MAX;
        } else {
            Instant until = clock.instant().plus(transitionExpiry);
            if (until.isBefore(passthroughUntil)) {
                passthroughUntil = until;
            }
        }
    }

    /** Whether a frame that is not a protocol frame would pass right now. */
    public synchronized boolean passthroughAllowed() {
        return passthroughUntil.isAfter(clock.instant());
    }

    /**
     * The media frame inside {@code frame}, or {@code null} when it must be dropped: a protocol
     * frame no held key opens (wrong or erased key, tampered, replayed), or an unencrypted frame
     * while passthrough is not allowed.
     */
    public synchronized byte[] decrypt(byte[] frame) {
        if (Arrays.equals(frame, FrameFormat.OPUS_SILENCE)) {
            return frame;
        }
        dropExpiredEpochs();
        ProtocolFrame parsed = ProtocolFrame.parse(frame);
        if (parsed == null) {
            return passthroughUntil.isAfter(clock.instant()) ? frame : null;
        }
        for (Iterator<SenderCryptors> it = epochs.descendingIterator(); it.hasNext();) {
            byte[] plaintext = it.next().decrypt(parsed);
            if (plaintext != null) {
                return parsed.reassemble(plaintext);
            }
        }
        return null;
    }

    private void dropExpiredEpochs() {
        while (!epochs.isEmpty() && epochs.peekFirst().expired()) {
            epochs.pollFirst();
        }
    }
}
