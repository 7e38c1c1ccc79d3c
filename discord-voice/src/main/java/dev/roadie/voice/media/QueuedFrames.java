package dev.roadie.voice.media;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A frame provider fed by pushing: {@link #offer} or {@link #put} frames from any thread, the
 * sender takes one per 20 ms. Bounded, so that a producer faster than real time waits in
 * {@link #put} instead of filling memory.
 */
public final class QueuedFrames implements OpusFrameProvider {

    /** One second of audio: enough to ride out a slow producer, little added latency. */
    public static final int DEFAULT_CAPACITY = 50;

    private final BlockingQueue<byte[]> frames;

    public QueuedFrames() {
        this(DEFAULT_CAPACITY);
    }

    public QueuedFrames(int capacity) {
        this.frames = new ArrayBlockingQueue<>(capacity);
    }

    /** Adds a frame if there is room; false when the queue is full. */
    public boolean offer(byte[] opusFrame) {
        return frames.offer(opusFrame);
    }

    /** Adds a frame, waiting up to {@code timeout} for room; false when none came. */
    public boolean put(byte[] opusFrame, long timeout, TimeUnit unit) throws InterruptedException {
        return frames.offer(opusFrame, timeout, unit);
    }

    /** Frames waiting to be sent. */
    public int size() {
        return frames.size();
    }

    @Override
    public byte[] nextFrame() {
        return frames.poll();
    }
}
