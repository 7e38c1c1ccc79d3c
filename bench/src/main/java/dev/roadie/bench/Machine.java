package dev.roadie.bench;

import dev.roadie.bench.peers.BenchEnv;
import dev.roadie.bench.peers.ProcessCpu;
import dev.roadie.bench.peers.SystemUnderTest;
import dev.roadie.bench.peers.Versions;
import dev.roadie.bench.report.Results;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The machine section of the report: what ran where, with which versions. */
final class Machine {
    private Machine() {
    }

    static void describe(Results results, BenchEnv env, List<SystemUnderTest> systems, BenchOptions options) {
        results.machine("date", Instant.now().toString());
        results.machine("run", options.quick() ? "quick (one short repetition, a subset of each scenario)"
                : "full (" + options.repetitions() + " repetitions)");
        results.machine("cpu", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores available");
        results.machine("memory", memTotal());
        results.machine("kernel", Versions.command("uname", "-sr"));
        results.machine("open files limit", openFilesLimit() + " (per process)");
        results.machine("jdk", Runtime.version() + " (" + System.getProperty("java.vm.name") + ") at " + env.java());
        results.machine("load generator", "one JVM, HdrHistogram " + Versions.library("hdrhistogram")
                + ", open loop; every system on 127.0.0.1");
        results.machine("roadie commit", Versions.roadieCommit(env.root()));
        results.machine("load average at the start", loadAverages());
        results.machine("clock ticks", ProcessCpu.ticksPerSecond() + " a second (getconf CLK_TCK): the unit /proc counts CPU time in");
        for (SystemUnderTest system : systems) {
            Map<String, String> details = new LinkedHashMap<>(system.versions());
            system.changedSettings().forEach((setting, why) -> details.put("setting " + setting, why));
            results.system(system.id(), details);
        }
    }

    /** The machine's load average over the last minute. */
    static double loadAverage() {
        return CpuScenario.loadAverage();
    }

    /** The machine's load averages (1, 5 and 15 minutes): a shared machine's other work shows here. */
    static String loadAverages() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2] + " (1, 5, 15 min)";
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU (" + e.getMessage() + ")";
        }
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal"))
                    .map(line -> Math.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0 * 10) / 10.0 + " GiB")
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** The soft limit on open files of this process (the systems under test inherit it from bin/bench). */
    static long openFilesLimit() {
        try {
            return Files.readAllLines(Path.of("/proc/self/limits")).stream().filter(line -> line.startsWith("Max open files"))
                    .map(line -> line.substring("Max open files".length()).strip().split("\\s+")[0])
                    .map(value -> value.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(value)).findFirst()
                    .orElse(1024L);
        } catch (IOException e) {
            return 1024;
        }
    }
}
