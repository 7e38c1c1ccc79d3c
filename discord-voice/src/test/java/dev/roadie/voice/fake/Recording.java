package dev.roadie.voice.fake;

import dev.roadie.voice.media.OpusFrames;
import dev.roadie.voice.testing.OpusDecoding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What the fake voice server received from one SSRC: each frame with its sequence and arrival time. */
public final class Recording {

    /** One received packet, after transport (and, if set, end-to-end) decryption. */
    public record Received(int sequence, long timestamp, long arrivalNanos, byte[] frame) {
    }

    private final List<Received> received = new ArrayList<>();

    synchronized void add(Received packet) {
        received.add(packet);
    }

    /** Everything received, in arrival order. */
    public synchronized List<Received> packets() {
        return List.copyOf(received);
    }

    /** Packets received, silence included. */
    public synchronized int count() {
        return received.size();
    }

    /** Silence frames received. */
    public synchronized int silenceCount() {
        return (int) received.stream().filter(packet -> OpusFrames.isSilence(packet.frame())).count();
    }

    /** Arrival times of the frames that are not silence, in arrival order. */
    public synchronized List<Long> audioArrivals() {
        return received.stream().filter(packet -> !OpusFrames.isSilence(packet.frame())).map(Received::arrivalNanos).toList();
    }

    /** The audio frames (silence left out) decoded in sequence order to 48 kHz stereo PCM. */
    public synchronized short[] pcm() {
        List<byte[]> frames = new ArrayList<>();
        received.stream()
                .filter(packet -> !OpusFrames.isSilence(packet.frame()))
                .sorted(Comparator.comparingInt(Received::sequence))
                .forEach(packet -> frames.add(packet.frame()));
        return OpusDecoding.decode(frames);
    }
}
