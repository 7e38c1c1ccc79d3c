package dev.roadie.hub.certs.dns;

import dev.roadie.settings.Durations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TXT records through a user's script, called like lego's exec provider:
 * {@code SCRIPT present _acme-challenge.example.org. VALUE} and
 * {@code SCRIPT cleanup _acme-challenge.example.org. VALUE}. A non-zero exit fails the attempt
 * with the end of what the script printed.
 */
public final class ExecDns implements DnsProvider {
    private static final Logger log = LoggerFactory.getLogger(ExecDns.class);
    private static final int MAX_OUTPUT_CHARS = 400;

    private final String command;
    private final Duration timeout;

    public ExecDns(String command, Duration timeout) {
        this.command = command;
        this.timeout = timeout;
    }

    @Override
    public DnsRecord present(String fqdn, String value) throws DnsException {
        run("present", fqdn, value);
        return new DnsRecord(fqdn, value, null);
    }

    @Override
    public void cleanUp(DnsRecord record) throws DnsException {
        run("cleanup", record.fqdn(), record.value());
    }

    private void run(String action, String fqdn, String value) throws DnsException {
        Path output = null;
        try {
            output = Files.createTempFile("roadie-dns-exec", ".out");
            Process process = new ProcessBuilder(List.of(command, action, fqdn + ".", value))
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new DnsException(command + " " + action + " " + fqdn + ". did not finish within "
                        + Durations.format(timeout) + " (certs.exec.timeout)");
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                String tail = printed.length() > MAX_OUTPUT_CHARS
                        ? "..." + printed.substring(printed.length() - MAX_OUTPUT_CHARS) : printed;
                throw new DnsException(command + " " + action + " " + fqdn + ". exited with " + process.exitValue()
                        + (tail.isEmpty() ? "" : ": " + tail));
            }
            log.debug("{} {} {}. done{}", command, action, fqdn, printed.isEmpty() ? "" : ": " + printed);
        } catch (IOException e) {
            throw new DnsException("cannot run " + command + " (certs.exec.command): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DnsException("interrupted while running " + command, e);
        } finally {
            deleteQuietly(output);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the temporary file {}: {}", file, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "ExecDns[" + command + "]";
    }
}
