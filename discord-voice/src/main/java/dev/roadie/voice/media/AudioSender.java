package dev.roadie.voice.media;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One sender's RTP stream, run by the sending clock every 20 ms: pulls a frame from the
 * provider, protects it end-to-end, packs it behind the next RTP header, seals it and hands the
 * packet on. Ends each talk spurt with five silence frames. Runs on one thread only.
 */
final class AudioSender implements Runnable {

    private final TransportCipher cipher;
    private final EndToEnd endToEnd;
    private final OpusFrameProvider provider;
    private final MediaListener listener;
    private final Consumer<byte[]> out;
    private final AtomicLong packetsSent = new AtomicLong();
    private RtpHeader header;
    private boolean sending;
    private int silenceLeft;

    AudioSender(int ssrc, TransportCipher cipher, EndToEnd endToEnd, OpusFrameProvider provider, MediaListener listener, Consumer<byte[]> out) {
        this.cipher = cipher;
        this.endToEnd = endToEnd;
        this.provider = provider;
        this.listener = listener;
        this.out = out;
        // Random starting points, as RFC 3550 asks, so that a new stream is not mistaken for an old one.
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.header = new RtpHeader(random.nextInt(1 << 16), random.nextLong(1L << 32), ssrc);
    }

    @Override
    public void run() {
        byte[] frame = provider.nextFrame();
        if (frame != null) {
            if (!sending) {
                sending = true;
                listener.onSendingStarted();
            }
            silenceLeft = OpusFrames.SILENCE_FRAMES_ON_STOP;
            send(frame);
        } else if (sending) {
            send(OpusFrames.silence());
            if (--silenceLeft == 0) {
                sending = false;
                listener.onSendingStopped();
            }
        }
    }

    private void send(byte[] opusFrame) {
        byte[] packet = cipher.seal(header.encode(), endToEnd.protect(opusFrame));
        header = header.next();
        out.accept(packet);
        packetsSent.incrementAndGet();
    }

    long packetsSent() {
        return packetsSent.get();
    }
}
