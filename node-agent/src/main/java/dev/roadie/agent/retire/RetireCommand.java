package dev.roadie.agent.retire;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the configured retire command without a shell (nothing in the node's facts can be
 * interpreted as shell syntax), with the node's facts in its environment, and logs its output.
 */
public final class RetireCommand {
    private static final Logger log = LoggerFactory.getLogger(RetireCommand.class);

    private final List<String> command;
    private final Duration timeout;

    public RetireCommand(List<String> command, Duration timeout) {
        this.command = List.copyOf(command);
        this.timeout = timeout;
    }

    public void run(RetiredNode node, boolean dryRun) throws RetireActionException {
        if (dryRun) {
            log.info("dry run: would run {} with {}", command, node.environment());
            return;
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
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
