package dev.roadie.audio.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The audio node's start-up and idle memory, three ways (docs/PERFORMANCE.md, "Audio node start-up
 * and footprint"): (a) {@code java -jar} on the full JDK, (b) its own jlink runtime without the
 * start-up cache, (c) the same with the cache. Per start: the time from starting the process to the
 * first {@code 200} of {@code /v4/info}, and the resident set (VmRSS) then and after an idle wait.
 * Starts are interleaved (a, b, c, a, b, c, ...) so that a change in the machine's load falls on each
 * alike. Only the JDK is used, so that {@code bin/audio-startup} runs it from its source file.
 *
 * <p>Arguments: {@code JAVA JAR IMAGE [runs] [idle seconds]}: the full JDK's java, the node's jar, and
 * the folder {@code bin/package-audio-node} made. With {@code -Dnice=-10} each node starts under
 * {@code nice -n -10} (as root), so that on a machine shared with builds the others wait rather than it.
 */
public final class StartupBench {
    private static final Duration START_DEADLINE = Duration.ofSeconds(120);
    private static final String PASSWORD = "bench";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private StartupBench() {
    }

    /** One way of starting the node: the command, and the options added to the environment. */
    private record Way(String name, List<String> command, Map<String, String> environment) {
    }

    /**
     * One start: milliseconds to the first answer, the CPU time the process used until then (every
     * thread's, user and system), VmRSS then and after the idle wait, and RssFile after it.
     */
    private record Start(long millis, long cpuMillis, long rssAtStartKb, long rssIdleKb, long rssFileIdleKb) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: StartupBench JAVA JAR IMAGE [runs, default 5] [idle seconds, default 30]"
                    + " (bin/audio-startup passes the first three)");
            System.exit(2);
        }
        Path java = Path.of(args[0]);
        Path jar = Path.of(args[1]);
        Path image = Path.of(args[2]);
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int idleSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        Path launcher = image.resolve("bin/roadie-audio-node");
        if (!Files.isExecutable(launcher) || !Files.isRegularFile(image.resolve("app/roadie-audio-node.aot"))) {
            System.err.println("No runtime with a start-up cache in " + image + ": run bin/package-audio-node first");
            System.exit(1);
        }
        List<Way> ways = List.of(
                new Way("(a) java -jar, full JDK", List.of(java.toString(), "--enable-native-access=ALL-UNNAMED",
                        "-jar", jar.toString()), Map.of()),
                // Its java directly: the launcher would add the cache, and -XX:AOTMode=off turns off the
                // JDK's default CDS archive as well, which a plain start has.
                new Way("(b) jlink runtime", List.of(image.resolve("runtime/bin/java").toString(),
                        "--enable-native-access=ALL-UNNAMED", "-jar",
                        image.resolve("app/roadie-audio-node.jar").toString()), Map.of()),
                // AOTMode=on: a cache the JVM cannot use stops the start instead of measuring (b) again.
                new Way("(c) jlink runtime + AOT cache", List.of(launcher.toString()),
                        Map.of("ROADIE_JAVA_OPTS", "-XX:AOTMode=on")));
        String nice = System.getProperty("nice");
        if (nice != null) {
            ways = ways.stream().map(way -> new Way(way.name(), Stream.concat(Stream.of("nice", "-n", nice),
                    way.command().stream()).toList(), way.environment())).toList();
        }
        new StartupBench().run(ways, runs, idleSeconds, java, image);
    }

    private void run(List<Way> ways, int runs, int idleSeconds, Path java, Path image) throws Exception {
        System.out.printf(Locale.ROOT, "%d starts of each, RSS after %d s idle%s; load average at start %s%n", runs,
                idleSeconds, System.getProperty("nice") == null ? "" : ", under nice -n " + System.getProperty("nice"),
                loadAverage());
        Map<Way, List<Start>> starts = new LinkedHashMap<>();
        ways.forEach(way -> starts.put(way, new ArrayList<>()));
        for (int i = 1; i <= runs; i++) {
            for (Way way : ways) {
                Start start = start(way, idleSeconds);
                starts.get(way).add(start);
                System.out.printf(Locale.ROOT, "  run %d %-30s %6d ms (CPU %5d ms)  RSS %4.0f MB, idle %4.0f MB (%3.0f MB file-backed)"
                        + "  (load %s)%n", i, way.name(), start.millis(), start.cpuMillis(),
                        start.rssAtStartKb() / 1024.0, start.rssIdleKb() / 1024.0,
                        start.rssFileIdleKb() / 1024.0, loadAverage());
            }
        }
        System.out.println();
        System.out.println("| start | to the first /v4/info | CPU time until then | RSS at start | RSS after "
                + idleSeconds + " s idle | of which file-backed |");
        System.out.println("|---|---|---|---|---|---|");
        starts.forEach((way, list) -> System.out.printf(Locale.ROOT, "| %s | %s ms | %s ms | %s MB | %s MB | %s MB |%n",
                way.name(), summary(list, Start::millis, 1), summary(list, Start::cpuMillis, 1),
                summary(list, Start::rssAtStartKb, 1024),
                summary(list, Start::rssIdleKb, 1024), summary(list, Start::rssFileIdleKb, 1024)));
        System.out.println();
        Path jdk = java.toRealPath().getParent().getParent();
        System.out.printf(Locale.ROOT, "On disk: the full JDK %d MB; the jlink runtime %d MB; the node's jars %d MB;"
                        + " the start-up cache %d MB%n", megabytes(jdk), megabytes(image.resolve("runtime")),
                megabytes(image.resolve("app/lib")) + megabytes(image.resolve("app/roadie-audio-node.jar")),
                megabytes(image.resolve("app/roadie-audio-node.aot")));
    }

    private Start start(Way way, int idleSeconds) throws Exception {
        Path data = Files.createTempDirectory("audio-startup");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(way.command()).directory(data.toFile())
                .redirectErrorStream(true).redirectOutput(data.resolve("log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("ROADIE_") || name.startsWith("LAVALINK_")
                || name.equals("SERVER_PORT"));
        builder.environment().putAll(way.environment());
        builder.environment().putAll(Map.of("ROADIE_AUDIO_PORT", Integer.toString(port),
                "ROADIE_AUDIO_PASSWORD", PASSWORD, "ROADIE_AUDIO_DATA", data.resolve("data").toString()));
        long started = System.nanoTime();
        Process node = builder.start();
        try {
            long millis = firstAnswer(node, port, started, data);
            long cpuMillis = cpuMillis(node);
            long atStart = statusKb(node, "VmRSS");
            Thread.sleep(Duration.ofSeconds(idleSeconds)); // the idle wait being measured, not a test's wait
            return new Start(millis, cpuMillis, atStart, statusKb(node, "VmRSS"), statusKb(node, "RssFile"));
        } finally {
            node.destroy();
            if (!node.waitFor(30, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
            deleteTree(data);
        }
    }

    /** Milliseconds from {@code started} to the first 200 of {@code /v4/info}, asked every 5 ms. */
    private long firstAnswer(Process node, int port, long started, Path data) throws Exception {
        HttpRequest info = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v4/info"))
                .header("Authorization", PASSWORD).timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() - started < START_DEADLINE.toNanos()) {
            if (!node.isAlive()) {
                throw new IllegalStateException("The node stopped while starting: " + Files.readString(data.resolve("log")));
            }
            try {
                HttpResponse<Void> answer = http.send(info, HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return (System.nanoTime() - started) / 1_000_000;
                }
                throw new IllegalStateException("/v4/info answered " + answer.statusCode() + ", not 200");
            } catch (ConnectException | HttpTimeoutException notYet) {
                Thread.sleep(5); // polling a port that is not open yet; no event to wait on
            }
        }
        throw new IllegalStateException("No answer from /v4/info within " + START_DEADLINE + ": "
                + Files.readString(data.resolve("log")));
    }

    /**
     * The CPU time the process used so far, user and system, from {@code /proc/PID/stat}: on a shared
     * machine it grows far less with the load than the time to the first answer does.
     */
    private static long cpuMillis(Process node) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(node.pid()), "stat"));
        // Fields after the command name, which is in parentheses and may hold spaces: state is field 3,
        // utime and stime fields 14 and 15, in clock ticks of 10 ms (USER_HZ is 100 on Linux).
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    /**
     * A figure of {@code /proc/PID/status} in kB: VmRSS, or RssFile, the part of it that is files mapped
     * (the CDS archive or start-up cache, the modules file, libjvm), which the kernel can drop and re-read.
     */
    private static long statusKb(Process node, String field) throws IOException {
        // The launcher execs java, so the process started is the JVM.
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(node.pid()), "status"))) {
            return lines.filter(line -> line.startsWith(field + ":")).findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .orElseThrow(() -> new IllegalStateException("No " + field + " for process " + node.pid()));
        }
    }

    /** The median and the spread, as {@code median [min–max]}, in units of {@code per}. */
    private static String summary(List<Start> starts, java.util.function.ToLongFunction<Start> value, long per) {
        List<Long> sorted = starts.stream().map(value::applyAsLong).sorted(Comparator.naturalOrder()).toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return String.format(Locale.ROOT, "%.0f [%.0f–%.0f]", median / per, sorted.get(0) / (double) per,
                sorted.get(n - 1) / (double) per);
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static long megabytes(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return Files.size(path) / (1024 * 1024);
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum() / (1024 * 1024);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
