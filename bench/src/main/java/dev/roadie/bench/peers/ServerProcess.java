package dev.roadie.bench.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A system under test running as a process of its own: started, waited for until it answers,
 * read from /proc (resident memory, CPU time) and jcmd (JVM heap), and stopped.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServerProcess.class);
    private static final Duration START_BOUND = Duration.ofSeconds(90);
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    /** Processes started and not stopped yet: a harness stopped by Ctrl+C must not leave servers behind. */
    private static final java.util.Set<Process> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("bench-stop-servers").unstarted(
                () -> LIVE.forEach(Process::destroyForcibly)));
    }

    /**
     * The CPUs every server of the run is pinned to ({@code taskset -c}), or null: the run's mode
     * ({@code bin/bench --pinned}), the same for every system, so it is set once for the process.
     */
    private static volatile String serverCpus;

    private final String name;
    private final List<String> command;
    private final Path logFile;
    private final Path workDir;
    private Process process;
    private Duration startup;

    /** A process to run {@code command} in {@code workDir}, its output going to {@code logFile}. */
    public ServerProcess(String name, List<String> command, Path workDir, Path logFile) {
        this.name = name;
        this.command = List.copyOf(command);
        this.workDir = workDir;
        this.logFile = logFile;
    }

    private java.util.Map<String, String> environment = java.util.Map.of();

    /** Environment variables on top of the harness's own, for the process to start with. */
    public ServerProcess environment(java.util.Map<String, String> variables) {
        this.environment = java.util.Map.copyOf(variables);
        return this;
    }

    /** Pins every server started from now on to {@code cpus} (a taskset CPU list, such as {@code 0}). */
    public static void pinServers(String cpus) {
        serverCpus = cpus;
    }

    /** The CPUs the servers are pinned to, or empty when they may use every core. */
    public static java.util.Optional<String> pinnedTo() {
        return java.util.Optional.ofNullable(serverCpus);
    }

    /** The command as started: under {@code taskset -c CPUS} when the servers are pinned (taskset execs it, same pid). */
    List<String> launchCommand() {
        String cpus = serverCpus;
        if (cpus == null) {
            return command;
        }
        List<String> pinned = new java.util.ArrayList<>(List.of("taskset", "-c", cpus));
        pinned.addAll(command);
        return pinned;
    }

    /** Starts the process and waits until {@code ready} says yes; records how long that took. */
    public ServerProcess start(Readiness ready) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(launchCommand()).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            LIVE.add(process);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + " (" + String.join(" ", command) + ")", e);
        }
        long deadline = started + START_BOUND.toNanos();
        while (!ready.ready()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready; "
                        + "its output is in " + logFile + ":\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException(name + " was not ready after " + START_BOUND.toSeconds() + " s; its output is in " + logFile);
            }
            try {
                // A starting process offers nothing to wait on but its port: poll it.
                process.waitFor(5, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        startup = Duration.ofNanos(System.nanoTime() - started);
        log.info("{} ready in {} ms (pid {})", name, startup.toMillis(), process.pid());
        return this;
    }

    /** Time from starting the process until it was ready. */
    public Duration startup() {
        return startup;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** Resident memory of the process in bytes (VmRSS). */
    public long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the memory of " + name, e);
        }
        throw new IllegalStateException("no VmRSS line for " + name);
    }

    /** CPU time (user + system) the process, its threads and its children used so far. */
    public Duration cpuTime() {
        return ProcessCpu.of(pid());
    }

    /**
     * Heap in use after a full collection, in bytes, read with the JDK's jcmd; empty for a
     * process that is not a JVM.
     */
    public OptionalLong heapAfterGcBytes(Path jcmd) {
        try {
            run(jcmd.toString(), Long.toString(pid()), "GC.run");
            String info = run(jcmd.toString(), Long.toString(pid()), "GC.heap_info");
            Matcher used = HEAP_USED.matcher(info);
            if (!used.find()) {
                log.warn("jcmd GC.heap_info of {} said nothing about the heap: {}", name, info);
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(used.group(1)) * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("jcmd failed on " + name, e);
        }
    }

    private static String run(String... command) throws IOException {
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Kills the process outright (SIGKILL), as a crash does. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(30));
        }
    }

    /** Stops the process (SIGTERM, then SIGKILL after 20 s). */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!awaitExit(Duration.ofSeconds(20))) {
                log.warn("{} did not stop within 20 s of SIGTERM: killing it", name);
                process.destroyForcibly();
                awaitExit(Duration.ofSeconds(10));
            }
        }
    }

    private boolean awaitExit(Duration bound) {
        try {
            boolean exited = process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
            if (exited) {
                LIVE.remove(process);
            }
            return exited;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    /** Says when a starting process is ready. */
    @FunctionalInterface
    public interface Readiness {
        boolean ready();

        /** Ready when a TCP connection to the loopback port succeeds. */
        static Readiness port(int port) {
            return () -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return true;
                } catch (IOException e) {
                    return false;
                }
            };
        }

        /** Ready when {@code url} answers 200. */
        static Readiness http(URI url) {
            return () -> {
                try {
                    HttpURLConnection http = (HttpURLConnection) url.toURL().openConnection();
                    http.setConnectTimeout(200);
                    http.setReadTimeout(1000);
                    return http.getResponseCode() == 200;
                } catch (IOException e) {
                    return false;
                }
            };
        }
    }

    /**
     * A free TCP port on the loopback address, below the kernel's ephemeral range (32768 and up
     * on Linux): the load generator's own connections take their source ports from that range,
     * and one of them could take a port picked there before the server binds it.
     */
    public static int freePort() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = random.nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 1);
                return port;
            } catch (IOException e) {
                log.debug("port {} is taken: {}", port, e.toString());
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000 on the loopback address");
    }
}
