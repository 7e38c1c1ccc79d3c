package dev.roadie.nekto.bridge;

import dev.roadie.voice.media.OpusFrameProvider;
import java.util.ArrayDeque;

/**
 * The stranger's frames on their way to the channel, pulled by the voice connection every 20 ms.
 * Frames arrive at the same rate they leave, so a backlog built once (a burst from the network,
 * a late start) would never drain and would delay every word after it: the buffer holds at most
 * {@link #MAX_FRAMES} and drops the oldest beyond that.
 */
public final class StrangerFrames implements OpusFrameProvider {

    /** 100 ms: enough to ride out WebRTC's usual jitter, little enough to keep talk natural. */
    static final int MAX_FRAMES = 5;

    private final ArrayDeque<byte[]> frames = new ArrayDeque<>();
    private long dropped;

    synchronized void offer(byte[] frame) {
        if (frames.size() == MAX_FRAMES) {
            frames.pollFirst();
            dropped++;
        }
        frames.addLast(frame);
    }

    /** Frames dropped to keep the delay down. */
    public synchronized long dropped() {
        return dropped;
    }

    @Override
    public synchronized byte[] nextFrame() {
        return frames.pollFirst();
    }
}
