package dev.roadie.bench.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * CPU time (user + system) of a process, from {@code /proc/PID/stat}: every thread of the
 * process counts (the kernel sums them in the process's line), and so do its children, the live
 * ones read the same way and the ended ones from the process's own {@code cutime} and
 * {@code cstime}. The kernel counts in clock ticks, {@code getconf CLK_TCK} of them a second.
 */
public final class ProcessCpu {
    private static final long TICKS_PER_SECOND = clockTicks();

    private ProcessCpu() {
    }

    /** CPU time of the process {@code pid} and of its children, so far. */
    public static Duration of(long pid) {
        long ticks = ticks(pid);
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("process " + pid + " has ended"));
        for (ProcessHandle child : handle.descendants().toList()) {
            try {
                ticks += ticks(child.pid());
            } catch (UncheckedIOException e) {
                // A child that ended between the listing and the read: its time is in its parent's
                // cutime once reaped, and not worth failing a measurement over.
                if (!(e.getCause() instanceof NoSuchFileException)) {
                    throw e;
                }
            }
        }
        return Duration.ofNanos(ticks * 1_000_000_000L / TICKS_PER_SECOND);
    }

    /** CPU time of this process (the load generator). */
    public static Duration self() {
        return of(ProcessHandle.current().pid());
    }

    /** The clock ticks a second /proc counts in. */
    public static long ticksPerSecond() {
        return TICKS_PER_SECOND;
    }

    /** utime + stime + cutime + cstime of one process, in clock ticks. */
    static long ticks(long pid) {
        try {
            return parseTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CPU time of process " + pid + " from /proc", e);
        }
    }

    /** utime + stime + cutime + cstime (fields 14 to 17) of a {@code /proc/PID/stat} line. */
    static long parseTicks(String stat) {
        // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).strip().split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                + Long.parseLong(fields[14]);
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!getconf.waitFor(10, TimeUnit.SECONDS) || getconf.exitValue() != 0) {
                throw new IllegalStateException("getconf CLK_TCK failed: " + out);
            }
            return Long.parseLong(out);
        } catch (IOException e) {
            throw new UncheckedIOException("getconf is missing: install the Debian package libc-bin; the benchmark reads"
                    + " CPU time in clock ticks and needs their length", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
