package dev.roadie.cli.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/lib/java.sh, which bin/roadie runs before every command: it must cost next to nothing once
 * it has found a Java, and never hold up a start by recording the hub's start-up cache. Run in a
 * real bash against fake JDKs whose {@code java} writes each call to a log, so that the test
 * sees which JVMs were started, and whose recording of a cache waits until the test lets it end.
 */
class LauncherScriptTest {
    private static final Duration SCRIPT_LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private Path log;
    private Path gate;

    @BeforeEach
    void setUp() {
        log = dir.resolve("java-calls.log");
        gate = dir.resolve("recording-may-end");
    }

    @AfterEach
    void letRecordingsEnd() throws IOException {
        // A recording still waiting in the background ends now instead of at its own time limit.
        Files.writeString(gate, "");
    }

    @Test
    void the_java_found_is_remembered_so_that_the_next_command_starts_no_jvm_to_look() throws Exception {
        Path jdk = fakeJdk("jdk-25", "25.0.3", "25.0.3+9-LTS");
        Path found = dir.resolve("target/roadie-java");

        Result first = bash(Map.of("JAVA_HOME", jdk.toString()), "roadie_find_java \"$1\" && roadie_print_java", found.toString());
        Result second = bash(Map.of("JAVA_HOME", jdk.toString()), "roadie_find_java \"$1\" && roadie_print_java", found.toString());

        assertThat(first.out()).isEqualTo(jdk.resolve("bin/java").toRealPath() + " 25 25.0.3+9-LTS\n");
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(calls()).as("JVMs started to describe themselves").hasSize(1);
    }

    @Test
    void a_jdk_updated_in_place_is_looked_at_again() throws Exception {
        Path jdk = fakeJdk("jdk-25", "25.0.3", "25.0.3+9-LTS");
        Path found = dir.resolve("target/roadie-java");
        bash(Map.of("JAVA_HOME", jdk.toString()), "roadie_find_java \"$1\"", found.toString());

        fakeJdk("jdk-25", "25.0.4", "25.0.4+7-LTS");
        Result after = bash(Map.of("JAVA_HOME", jdk.toString()), "roadie_find_java \"$1\" && roadie_print_java", found.toString());

        assertThat(after.out()).endsWith(" 25 25.0.4+7-LTS\n");
        assertThat(calls()).hasSize(2);
    }

    @Test
    void a_jdk_whose_release_file_says_it_is_too_old_is_passed_over_without_starting_it() throws Exception {
        Path old = fakeJdk("jdk-17", "17.0.15", "17.0.15+6-Debian-1deb12u1");
        Path jdk = fakeJdk("jdk-25", "25.0.3", "25.0.3+9-LTS");
        // The JDK 25 is the java on the PATH; JAVA_HOME, looked at first, names the old one.
        Map<String, String> env = Map.of("JAVA_HOME", old.toString(),
                "PATH", jdk.resolve("bin") + ":" + System.getenv("PATH"));

        Result result = bash(env, "roadie_find_java && roadie_print_java");

        assertThat(result.out()).endsWith(" 25 25.0.3+9-LTS\n");
        assertThat(calls()).noneMatch(call -> call.startsWith(old.toString()));
    }

    @Test
    void a_start_without_a_start_up_cache_is_not_held_up_while_one_is_recorded_in_the_background() throws Exception {
        Path jdk = fakeJdk("jdk-25", "25.0.3", "25.0.3+9-LTS");
        Path jar = Files.writeString(dir.resolve("roadie.jar"), "");
        Path cache = dir.resolve("roadie-25.0.3+9-LTS.aot");
        Map<String, String> env = Map.of("JAVA_HOME", jdk.toString());
        String start = "roadie_find_java && roadie_start_cache_options \"$1\"";

        // The recording cannot end until the gate opens: these starts must not wait for it.
        Result first = bash(env, start, jar.toString());
        Result second = bash(env, start, jar.toString());

        assertThat(first.out()).as("options of a start before the cache exists").isEmpty();
        assertThat(first.err()).contains("recording a start-up cache for this JVM in the background");
        assertThat(second.out()).isEmpty();
        assertThat(calls()).as("recordings started").filteredOn(call -> call.contains("-XX:AOTCacheOutput=")).hasSize(1);

        Files.writeString(gate, "");
        await().atMost(SCRIPT_LIMIT).until(() -> Files.isRegularFile(cache));
        await().atMost(SCRIPT_LIMIT).until(() -> !Files.exists(dir.resolve(cache.getFileName() + ".recording")));
        Result later = bash(env, start, jar.toString());

        assertThat(later.out()).isEqualTo("-XX:AOTCache=" + cache + "\n");
        assertThat(later.err()).isEmpty();
    }

    @Test
    void a_failed_recording_is_reported_once_per_build_instead_of_being_tried_at_every_start() throws Exception {
        Path jdk = fakeJdk("jdk-25", "25.0.3", "25.0.3+9-LTS");
        Path jar = Files.writeString(dir.resolve("roadie.jar"), "");
        Path failed = dir.resolve("roadie-25.0.3+9-LTS.aot.failed");
        Map<String, String> env = Map.of("JAVA_HOME", jdk.toString(), "FAKE_JAVA_RECORDING", "fails");
        String start = "roadie_find_java && roadie_start_cache_options \"$1\"";
        Files.writeString(gate, "");

        bash(env, start, jar.toString());
        await().atMost(SCRIPT_LIMIT).until(() -> Files.isRegularFile(failed));
        Result next = bash(env, start, jar.toString());

        assertThat(Files.readString(failed)).contains("the recording went wrong");
        assertThat(next.out()).isEmpty();
        assertThat(next.err()).contains("recording it failed; see " + failed);
        assertThat(calls()).filteredOn(call -> call.contains("-XX:AOTCacheOutput=")).hasSize(1);
    }

    @Test
    void bench_waits_for_the_recording_and_starts_from_the_cache() throws Exception {
        Path jdk = fakeJdk("jdk-25", "25.0.3", "25.0.3+9-LTS");
        Path jar = Files.writeString(dir.resolve("roadie.jar"), "");
        Files.writeString(gate, "");

        Result result = bash(Map.of("JAVA_HOME", jdk.toString()),
                "roadie_find_java && roadie_start_cache_options \"$1\" --wait", jar.toString());

        assertThat(result.out()).isEqualTo("-XX:AOTCache=" + dir.resolve("roadie-25.0.3+9-LTS.aot") + "\n");
    }

    /**
     * A JDK folder with a release file and a {@code java} that logs its calls, describes itself as
     * the given version, and records a start-up cache once the gate file exists.
     */
    private Path fakeJdk(String name, String version, String build) throws IOException {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_RUNTIME_VERSION=\"" + build
                + "\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = home.resolve("bin/java");
        Files.writeString(java, """
                #!/usr/bin/env bash
                echo "$0 $*" >>'%s'
                for arg in "$@"; do
                  case $arg in
                    -XshowSettings:properties)
                      printf '    java.specification.version = %s\\n    java.vm.version = %s\\n' >&2
                      exit 0 ;;
                    -XX:AOTCacheOutput=*)
                      for _ in $(seq 1 300); do [ -f '%s' ] && break; sleep 0.1; done
                      if [ "${FAKE_JAVA_RECORDING:-}" = fails ]; then echo "the recording went wrong"; exit 1; fi
                      echo cache >"${arg#-XX:AOTCacheOutput=}"
                      exit 0 ;;
                  esac
                done
                """.formatted(log, version.replaceFirst("\\..*", ""), build, gate));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private List<String> calls() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private record Result(int exit, String out, String err) {
    }

    /** Runs {@code script} in bash after sourcing bin/lib/java.sh, with $1... set to {@code args}. */
    private Result bash(Map<String, String> env, String script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "-c",
                ". \"$ROADIE_TEST_LIBRARY\"\nroadie_print_java() { echo \"$ROADIE_JAVA $ROADIE_JAVA_MAJOR $ROADIE_JAVA_BUILD\"; }\n"
                        + script, "test"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        // Only the fake JDKs and those installed on this machine: no JAVA_HOME or SDKMAN of the caller.
        builder.environment().remove("JAVA_HOME");
        builder.environment().put("HOME", dir.toString());
        builder.environment().put("ROADIE_TEST_LIBRARY", library().toString());
        builder.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(SCRIPT_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("bash did not finish within " + SCRIPT_LIMIT + ": " + script + "\nstderr: " + Files.readString(err));
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Tests run in the module folder; walking up also works from the repository root or an IDE. */
    private static Path library() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            if (Files.isRegularFile(at.resolve("bin/lib/java.sh"))) {
                return at.resolve("bin/lib/java.sh");
            }
        }
        return fail("no bin/lib/java.sh in " + Path.of("").toAbsolutePath() + " or above");
    }
}
