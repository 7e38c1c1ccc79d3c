package dev.roadie.voice.fake;

import java.util.Set;
import java.util.TreeSet;

/**
 * How the fake voice server spoils a stream it sends, to exercise a receiver: frames it never
 * sends (lost), and frames it swaps with the one after (reordered). Indexes count the stream's
 * frames from 0.
 *
 * @param lost          frames not sent
 * @param swappedWithNext frames sent one tick late, after the frame that follows them
 */
public record StreamPlan(Set<Integer> lost, Set<Integer> swappedWithNext) {

    /** Every frame in order. */
    public static StreamPlan clean() {
        return new StreamPlan(Set.of(), Set.of());
    }

    public StreamPlan losing(Integer... frames) {
        Set<Integer> more = new TreeSet<>(lost);
        more.addAll(Set.of(frames));
        return new StreamPlan(more, swappedWithNext);
    }

    public StreamPlan swapping(Integer... frames) {
        Set<Integer> more = new TreeSet<>(swappedWithNext);
        more.addAll(Set.of(frames));
        return new StreamPlan(lost, more);
    }

    /** The frame index to send at each tick, swaps applied. */
    int[] order(int frames) {
        int[] order = new int[frames];
        for (int i = 0; i < frames; i++) {
            order[i] = i;
        }
        for (int index : swappedWithNext) {
            if (index + 1 < frames) {
                int held = order[index];
                order[index] = order[index + 1];
                order[index + 1] = held;
            }
        }
        return order;
    }
}
