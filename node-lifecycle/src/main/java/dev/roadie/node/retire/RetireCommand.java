package dev.roadie.node.retire;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the configured retire command without a shell (nothing in the node's facts can be
 * interpreted as shell syntax), with the node's facts in its environment, and logs its output.
 *
 * <p>The command does not inherit the agent's environment: that holds the agent's settings as
 * {@code ROADIE_AGENT_*} variables, among them the node's password, the hub token and the
 * DigitalOcean token. It gets the node's facts and only the few variables a program needs to
 * run at all ({@link #PASSED_ON}).
 */
public final class RetireCommand {
    private static final Logger log = LoggerFactory.getLogger(RetireCommand.class);

    /** What the command inherits from the agent's environment: how to find programs, who and where it runs. */
    static final Set<String> PASSED_ON = Set.of("PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LANGUAGE",
            "TZ", "TMPDIR");

    private final List<String> command;
    private final Duration timeout;
    private final Map<String, String> inherited;

    public RetireCommand(List<String> command, Duration timeout) {
        this(command, timeout, System.getenv());
    }

    /** @param agentEnvironment the agent's environment, of which the command gets only {@link #PASSED_ON} and LC_* */
    RetireCommand(List<String> command, Duration timeout, Map<String, String> agentEnvironment) {
        this.command = List.copyOf(command);
        this.timeout = timeout;
        this.inherited = passedOn(agentEnvironment);
    }

    private static Map<String, String> passedOn(Map<String, String> agentEnvironment) {
        Map<String, String> kept = new TreeMap<>();
        agentEnvironment.forEach((name, value) -> {
            if (PASSED_ON.contains(name) || name.startsWith("LC_")) {
                kept.put(name, value);
            }
        });
        return Map.copyOf(kept);
    }

    public void run(RetiredNode node, boolean dryRun) throws RetireActionException {
        if (dryRun) {
            log.info("dry run: would run {} with {}", command, node.environment());
            return;
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // ProcessBuilder starts from a copy of the whole environment: empty it, then give only what is documented.
        builder.environment().clear();
        builder.environment().putAll(inherited);
        builder.environment().putAll(node.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new RetireActionException("cannot start the retire command " + command + ": " + e.getMessage(), e);
        }
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            // The command's output ends when it exits or closes it; the timeout below still bounds the wait.
            Thread reader = Thread.ofPlatform().name("roadie-agent-retire-output").daemon().start(() -> copy(output));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new RetireActionException("the retire command " + command + " ran longer than " + timeout
                        + " and was killed");
            }
            reader.join(Duration.ofSeconds(5));
            if (process.exitValue() != 0) {
                throw new RetireActionException("the retire command " + command + " exited with " + process.exitValue());
            }
            log.info("the retire command {} finished", command);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new RetireActionException("interrupted while the retire command ran", e);
        } catch (IOException e) {
            throw new RetireActionException("cannot read the retire command's output: " + e.getMessage(), e);
        }
    }

    private static void copy(BufferedReader output) {
        try {
            String line;
            while ((line = output.readLine()) != null) {
                log.info("retire command: {}", line);
            }
        } catch (IOException e) {
            log.debug("the retire command's output ended: {}", e.toString());
        }
    }
}
