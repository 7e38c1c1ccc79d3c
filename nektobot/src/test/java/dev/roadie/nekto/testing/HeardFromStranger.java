package dev.roadie.nekto.testing;

import dev.roadie.nekto.roulette.RouletteListener;
import dev.roadie.nekto.roulette.Stranger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A roulette listener that keeps everything: events in order, and the frames heard with their sequence numbers. */
public final class HeardFromStranger implements RouletteListener {

    public record Frame(int sequence, long arrivalNanos, byte[] opus) {
    }

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<Frame> frames = new CopyOnWriteArrayList<>();
    private volatile Stranger stranger;

    @Override
    public void searching() {
        events.add("searching");
    }

    @Override
    public void connected(Stranger connected) {
        stranger = connected;
        events.add("connected");
    }

    @Override
    public void heard(int sequence, byte[] opusFrame) {
        frames.add(new Frame(sequence, System.nanoTime(), opusFrame));
    }

    @Override
    public void strangerLeft() {
        events.add("left");
    }

    @Override
    public void failed(String message) {
        events.add("failed: " + message);
    }

    public List<String> events() {
        return List.copyOf(events);
    }

    public long count(String event) {
        return events.stream().filter(event::equals).count();
    }

    public Stranger stranger() {
        return stranger;
    }

    public List<Frame> frames() {
        return List.copyOf(frames);
    }

    /** The Opus payloads from frame {@code from} on. */
    public List<byte[]> opusFrom(int from) {
        List<byte[]> opus = new ArrayList<>();
        List<Frame> all = frames();
        for (int i = from; i < all.size(); i++) {
            opus.add(all.get(i).opus());
        }
        return opus;
    }

    public void clearFrames() {
        frames.clear();
    }

    /** Frames missing between the first and last heard, from their RTP sequence numbers (which wrap at 2^16). */
    public Loss loss() {
        List<Frame> all = frames();
        if (all.size() < 2) {
            return new Loss(all.size(), 0);
        }
        int span = ((all.getLast().sequence() - all.getFirst().sequence()) & 0xffff) + 1;
        return new Loss(span, Math.max(0, span - all.size()));
    }

    public record Loss(int expected, int missing) {
        public double share() {
            return expected == 0 ? 0 : (double) missing / expected;
        }

        @Override
        public String toString() {
            return String.format("%d of %d frames missing (%.2f %%)", missing, expected, 100 * share());
        }
    }
}
