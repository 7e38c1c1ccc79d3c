package dev.roadie.voice.testing;

import java.util.Arrays;
import java.util.List;

/**
 * Statistics of the gaps between arrival times, for checking 20 ms pacing.
 *
 * @param count       how many gaps
 * @param meanMillis  the mean gap
 * @param maxMillis   the longest gap
 * @param p99Millis   the 99th percentile gap
 * @param totalMillis first arrival to last
 */
public record Intervals(int count, double meanMillis, double maxMillis, double p99Millis, double totalMillis) {

    /** The gaps between consecutive times given in nanoseconds. */
    public static Intervals of(List<Long> arrivalNanos) {
        if (arrivalNanos.size() < 2) {
            throw new IllegalArgumentException("Pacing needs at least two arrivals; got " + arrivalNanos.size() + ".");
        }
        double[] gaps = new double[arrivalNanos.size() - 1];
        for (int i = 1; i < arrivalNanos.size(); i++) {
            gaps[i - 1] = (arrivalNanos.get(i) - arrivalNanos.get(i - 1)) / 1e6;
        }
        double[] sorted = gaps.clone();
        Arrays.sort(sorted);
        double total = (arrivalNanos.getLast() - arrivalNanos.getFirst()) / 1e6;
        return new Intervals(gaps.length, total / gaps.length, sorted[sorted.length - 1],
                sorted[(int) Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)], total);
    }

    /**
     * The share of arrivals later than {@code boundMillis} behind the ideal grid (first arrival +
     * n × {@code periodMillis}): lateness that does not add up, unlike a gap, which a late packet
     * followed by an early one counts twice.
     */
    public static double shareLateOnGrid(List<Long> arrivalNanos, double periodMillis, double boundMillis) {
        long start = arrivalNanos.getFirst();
        // The grid is anchored on the earliest-relative arrival, so that a late first packet does not make all the rest look early.
        double offset = Double.MAX_VALUE;
        for (int i = 0; i < arrivalNanos.size(); i++) {
            offset = Math.min(offset, (arrivalNanos.get(i) - start) / 1e6 - i * periodMillis);
        }
        int late = 0;
        for (int i = 0; i < arrivalNanos.size(); i++) {
            double lateness = (arrivalNanos.get(i) - start) / 1e6 - i * periodMillis - offset;
            if (lateness > boundMillis) {
                late++;
            }
        }
        return (double) late / arrivalNanos.size();
    }
}
