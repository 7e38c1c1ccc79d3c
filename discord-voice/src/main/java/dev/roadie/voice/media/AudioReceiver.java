package dev.roadie.voice.media;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving side: opens each arriving packet, finds its sender's user from the SSRC, takes
 * DAVE off, and files the frame in that user's jitter buffer (on the receiving thread); then,
 * once per tick on the play-out thread, plays every user's buffer, decodes, mixes and tells
 * the listener.
 */
final class AudioReceiver implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(AudioReceiver.class);

    private final TransportCipher cipher;
    private final EndToEnd endToEnd;
    private final MediaListener listener;
    private final int delayTicks;
    private final Map<Integer, UserStream> streams = new ConcurrentHashMap<>();
    private final Mixer mixer = new Mixer();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong unmapped = new AtomicLong();
    private final AtomicLong undecryptable = new AtomicLong();
    /** Counts of streams already forgotten, so that totals do not go down when a user leaves. */
    private final AtomicLong[] forgotten = {new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong()};

    AudioReceiver(TransportCipher cipher, EndToEnd endToEnd, MediaListener listener, int delayTicks) {
        this.cipher = cipher;
        this.endToEnd = endToEnd;
        this.listener = listener;
        this.delayTicks = delayTicks;
    }

    void mapUser(int ssrc, long userId) {
        UserStream current = streams.get(ssrc);
        if (current == null || current.userId() != userId) {
            UserStream previous = streams.put(ssrc, new UserStream(userId, delayTicks));
            if (previous != null) {
                keepCounts(previous);
            }
        }
    }

    void forgetUser(long userId) {
        streams.entrySet().removeIf(entry -> {
            if (entry.getValue().userId() == userId) {
                keepCounts(entry.getValue());
                return true;
            }
            return false;
        });
    }

    private void keepCounts(UserStream stream) {
        forgotten[0].addAndGet(stream.buffer().received());
        forgotten[1].addAndGet(stream.buffer().lost());
        forgotten[2].addAndGet(stream.buffer().late());
        forgotten[3].addAndGet(stream.concealed());
    }

    /** One datagram from the voice server, on the receiving thread. */
    void onPacket(byte[] data, int length) {
        if (!RtpHeader.isOpusRtp(data, length)) {
            return; // RTCP reports and anything else that is not Opus audio: nothing to play
        }
        OpenedPacket packet;
        try {
            packet = cipher.open(data, length);
        } catch (PacketRefusedException e) {
            refused.incrementAndGet();
            LOG.debug("Dropped a voice packet: {}", e.getMessage());
            return;
        }
        UserStream stream = streams.get(packet.header().ssrc());
        if (stream == null) {
            unmapped.incrementAndGet();
            return;
        }
        byte[] frame = packet.frame();
        if (!OpusFrames.isSilence(frame)) { // DAVE lets the silence frame pass as it is
            frame = endToEnd.unprotect(stream.userId(), frame);
            if (frame == null) {
                undecryptable.incrementAndGet();
                return;
            }
        }
        stream.buffer().offer(packet.header().sequence(), frame);
    }

    /** One play-out tick, on the play-out thread. */
    @Override
    public void run() {
        for (UserStream stream : streams.values()) {
            short[] pcm = stream.play(listener);
            if (pcm != null) {
                mixer.add(pcm);
            }
        }
        short[] mixed = mixer.take();
        if (mixed != null) {
            listener.onMixed(mixed);
        }
    }

    ReceiveStats stats() {
        long packets = forgotten[0].get();
        long lost = forgotten[1].get();
        long late = forgotten[2].get();
        long concealed = forgotten[3].get();
        for (UserStream stream : streams.values()) {
            packets += stream.buffer().received();
            lost += stream.buffer().lost();
            late += stream.buffer().late();
            concealed += stream.concealed();
        }
        return new ReceiveStats(packets, refused.get(), unmapped.get(), undecryptable.get(), lost, late, concealed);
    }
}
