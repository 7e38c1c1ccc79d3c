package dev.roadie.bench;

import dev.roadie.bench.peers.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The pinned run ({@code bin/bench --pinned}): every server on one core ({@code taskset -c}
 * when it starts), the load generator on another. The load generator pins itself, every thread
 * it has, with {@code taskset -a -p} on its own pid when the run starts; the threads it starts
 * later inherit the pin. It is not relaunched: its JVM keeps the collector and thread counts it
 * chose for the whole machine, only its CPUs change.
 */
final class Pinning {

    /** The two CPUs used: the first for the servers, the second for the load generator. */
    record Cpus(int server, int loadGenerator) {
    }

    private Pinning() {
    }

    /** Pins this process to its second allowed CPU and every server to the first; returns them. */
    static Cpus apply() {
        List<Integer> allowed = allowed(ownStatus());
        if (allowed.size() < 2) {
            throw new IllegalStateException("--pinned needs two cores, one for the servers and one for the load generator;"
                    + " this process may use only CPU " + allowed + ". Run without --pinned, or on a machine with two cores.");
        }
        Cpus cpus = new Cpus(allowed.get(0), allowed.get(1));
        run("taskset", "-a", "-p", "-c", Integer.toString(cpus.loadGenerator()), Long.toString(ProcessHandle.current().pid()));
        for (Path task : tasks()) {
            List<Integer> now = allowed(read(task.resolve("status")));
            if (!now.equals(List.of(cpus.loadGenerator()))) {
                throw new IllegalStateException("taskset left thread " + task.getFileName() + " of the load generator on CPUs "
                        + now + ", not " + cpus.loadGenerator());
            }
        }
        ServerProcess.pinServers(Integer.toString(cpus.server()));
        return cpus;
    }

    /** The CPUs of a {@code /proc/.../status} text's {@code Cpus_allowed_list} line ({@code 0-1}, {@code 0,2-3}). */
    static List<Integer> allowed(String status) {
        String list = status.lines().filter(line -> line.startsWith("Cpus_allowed_list:")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no Cpus_allowed_list in /proc status"))
                .substring("Cpus_allowed_list:".length()).strip();
        List<Integer> cpus = new ArrayList<>();
        for (String part : list.split(",")) {
            String[] range = part.split("-");
            int from = Integer.parseInt(range[0]);
            int to = range.length == 1 ? from : Integer.parseInt(range[1]);
            for (int cpu = from; cpu <= to; cpu++) {
                cpus.add(cpu);
            }
        }
        return cpus;
    }

    private static String ownStatus() {
        return read(Path.of("/proc/self/status"));
    }

    private static List<Path> tasks() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            // A thread may end between the listing and the read: only the live ones are checked.
            return tasks.filter(task -> Files.exists(task.resolve("status"))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the load generator's threads in /proc/self/task", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("taskset is missing: install the Debian package util-linux (--pinned uses it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
