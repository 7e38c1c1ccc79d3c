package dev.roadie.hub.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.roadie.hub.config.ConfigException;
import dev.roadie.hub.config.ConfigLoader;
import dev.roadie.hub.config.HubConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The hub's settings come from a {@code roadie.yml}, {@code ROADIE_*} variables and
 * {@code --set key=value} options, all written by people, often by hand.
 *
 * <p>Invariant: {@link ConfigLoader#load} returns a config or throws {@link ConfigException}
 * with a one-line message (the CLI prints it alone), which never repeats the value of a secret
 * setting given on the command line or in the environment. Anything else is a stack trace
 * where a person should have read what to fix.
 *
 * <p>Each input is a {@code roadie.yml}; after a line {@code #--set}, each line
 * {@code key=value} is a command-line setting, and {@code ROADIE_X=value} an environment
 * variable. The file is written to a temporary folder and loaded from there, as
 * {@code roadie serve --config} does. Corpus: {@code ConfigLoaderFuzzTestInputs/}.
 */
class ConfigLoaderFuzzTest {
    private static final String SETTINGS_MARK = "#--set";
    private static final List<String> SECRETS = List.of("certs.eabHmacKey", "certs.digitalocean.token", "certs.masterKey",
            "cluster.redis");
    private static final Set<String> SECRET_VARIABLES = Set.of("ROADIE_CERTS_EAB_HMAC_KEY",
            "ROADIE_CERTS_DIGITALOCEAN_TOKEN", "ROADIE_CERTS_MASTER_KEY", "ROADIE_CLUSTER_REDIS");

    /** Where each input is written as roadie.yml and loaded from, as the working directory. */
    @TempDir
    static Path folder;

    @BeforeAll
    static void quiet() {
        // Each input logs the file it reads and warns of unknown ROADIE_ variables: millions of lines.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("dev.roadie.hub.config")).setLevel(Level.ERROR);
    }

    @FuzzTest(maxDuration = "15s")
    // Words of the format for the fuzzer to splice in; none holds a newline, which Jazzer cannot pass on.
    @DictionaryEntries({"#--set", "limits:", "maxFrameBytes: ", "MiB", "KiB", "ms", "5m", "heartbeat.interval=",
        "search:", "certs.masterKey=", "ROADIE_PORT=", "ROADIE_LIMITS_MAX_FRAME_BYTES=", "links:",
        "sessions.hellosPerSecond=", "none", "auto", "!!", "&anchor", "*anchor", "<<: ", "- "})
    void any_settings_load_or_fail_with_one_line_that_says_what_to_fix(byte[] input) throws IOException {
        String text = new String(input, StandardCharsets.UTF_8);
        int mark = text.indexOf(SETTINGS_MARK);
        String yaml = mark < 0 ? text : text.substring(0, mark);
        Map<String, String> overrides = new HashMap<>();
        Map<String, String> env = new HashMap<>();
        if (mark >= 0) {
            for (String line : text.substring(mark + SETTINGS_MARK.length()).split("\n")) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    String key = line.substring(0, equals);
                    (key.startsWith("ROADIE_") ? env : overrides).put(key, line.substring(equals + 1));
                }
            }
        }
        // The config file is named explicitly, as with --config: ROADIE_CONFIG cannot point elsewhere.
        env.remove(ConfigLoader.CONFIG_ENV);
        Path file = Files.writeString(folder.resolve("roadie.yml"), yaml);

        HubConfig config;
        try {
            config = ConfigLoader.load(file, folder, env, overrides);
        } catch (ConfigException refused) {
            String message = refused.getMessage();
            assertThat(message).as("the message of a refused config").isNotBlank().doesNotContain("\n", "\r");
            secretsGiven(overrides, env).forEach(secret -> assertThat(message).doesNotContain(secret));
            return;
        }
        assertThat(config).isNotNull();
    }

    /** Secret values long enough that finding one in a message cannot be a coincidence. */
    private static List<String> secretsGiven(Map<String, String> overrides, Map<String, String> env) {
        return Stream.concat(
                        SECRETS.stream().map(overrides::get),
                        SECRET_VARIABLES.stream().map(env::get))
                .filter(value -> value != null && value.strip().length() >= 12)
                .map(String::strip)
                .toList();
    }
}
