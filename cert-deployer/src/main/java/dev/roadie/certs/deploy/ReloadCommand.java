package dev.roadie.certs.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command that makes a service load its new certificate ({@code nginx -s reload}), run as a
 * process of its own, without a shell: nothing in it is expanded, piped or redirected.
 * <p>{@link #parse(String)} splits one line into words with a small quoting rule:
 * <ul>
 *   <li>spaces and tabs separate words;</li>
 *   <li>{@code '...'} keeps everything inside as it is (spaces, backslashes, double quotes);</li>
 *   <li>{@code "..."} keeps everything inside as it is, except {@code \"} and {@code \\}, which
 *       stand for {@code "} and {@code \};</li>
 *   <li>outside quotes, {@code \} keeps the next character as it is ({@code a\ b} is one word);</li>
 *   <li>quotes may touch other text ({@code --name="a b"} is the word {@code --name=a b}), and
 *       {@code ''} is an empty word;</li>
 *   <li>{@code $VAR}, {@code *}, {@code |}, {@code >}, {@code ;} are ordinary characters: to use a
 *       shell, name it ({@code sh -c 'nginx -t && nginx -s reload'}).</li>
 * </ul>
 * The command fails when it cannot be started, exits with a status other than 0 (the end of its
 * stderr is in the message) or does not finish within the timeout (it is then killed).
 */
public final class ReloadCommand {
    /** The time a reload gets by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(ReloadCommand.class);
    /** How much of the command's stderr a failure quotes: enough for the error, not a whole log. */
    private static final int STDERR_TAIL = 2000;
    private static final Duration KILL_GRACE = Duration.ofSeconds(5);

    private final List<String> argv;

    private ReloadCommand(List<String> argv) {
        this.argv = List.copyOf(argv);
    }

    /**
     * A command given as its words, used as they are.
     *
     * @throws IllegalArgumentException for no words or an empty program name
     */
    public static ReloadCommand of(List<String> argv) {
        if (argv == null || argv.isEmpty() || argv.getFirst().isEmpty()) {
            throw new IllegalArgumentException("a reload command names at least a program");
        }
        return new ReloadCommand(argv);
    }

    /**
     * Splits {@code line} into words by the quoting rule of this class.
     *
     * @throws IllegalArgumentException for an unclosed quote, a trailing backslash or an empty line
     */
    public static ReloadCommand parse(String line) {
        Objects.requireNonNull(line, "line");
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed ' in reload command: " + line);
                }
                word.append(line, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, word);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 >= line.length()) {
                    throw new IllegalArgumentException("reload command ends with a lone \\: " + line);
                }
                word.append(line.charAt(++i));
                inWord = true;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("the reload command is empty");
        }
        return of(words);
    }

    /** Appends the double-quoted text starting at {@code start}; returns the index of the closing quote. */
    private static int doubleQuoted(String line, int start, StringBuilder word) {
        for (int i = start; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                c = line.charAt(++i);
            }
            word.append(c);
        }
        throw new IllegalArgumentException("unclosed \" in reload command: " + line);
    }

    /** The program and its arguments. */
    public List<String> argv() {
        return argv;
    }

    /**
     * Runs the command and waits for it.
     *
     * @throws DeploymentException (stage {@link DeploymentStage#RELOAD}) when it cannot start, exits
     *                             with a status other than 0, or runs longer than {@code timeout}
     */
    public void run(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        Process process;
        try {
            process = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(nullInput())).start();
        } catch (IOException e) {
            throw new DeploymentException(DeploymentStage.RELOAD, "cannot start reload command " + this + ": "
                    + e.getMessage(), e);
        }
        Tail stderr = new Tail(process.getErrorStream());
        Thread reader = new Thread(stderr, "roadie-certs-reload-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroy();
                if (!process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
                throw new DeploymentException(DeploymentStage.RELOAD, "reload command " + this
                        + " did not finish within " + timeout.toMillis() + " ms and was stopped");
            }
            // The reader ends with the stream; a child that inherited stderr may keep it open, so bound the wait.
            reader.join(KILL_GRACE.toMillis());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DeploymentException(DeploymentStage.RELOAD, "interrupted while running " + this, e);
        }
        int exit = process.exitValue();
        if (exit != 0) {
            String tail = stderr.text().strip();
            throw new DeploymentException(DeploymentStage.RELOAD, "reload command " + this + " exited with " + exit
                    + (tail.isEmpty() ? "" : ": " + tail));
        }
        LOG.info("Reload command {} succeeded", this);
    }

    private static java.io.File nullInput() {
        // The command gets no input: a reload that asks a question fails instead of hanging.
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    @Override
    public String toString() {
        return String.join(" ", argv.stream().map(ReloadCommand::quoted).toList());
    }

    private static String quoted(String word) {
        return word.isEmpty() || word.chars().anyMatch(c -> " \t\"'\\".indexOf(c) >= 0)
                ? "'" + word.replace("'", "'\\''") + "'" : word;
    }

    /** Keeps the last {@link #STDERR_TAIL} characters of a stream. */
    private static final class Tail implements Runnable {
        private final InputStream in;
        private final StringBuilder text = new StringBuilder();

        Tail(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[4096];
            try (in) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    synchronized (text) {
                        text.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                        if (text.length() > STDERR_TAIL) {
                            text.delete(0, text.length() - STDERR_TAIL);
                        }
                    }
                }
            } catch (IOException e) {
                // The process was killed while we read: what was read so far is the tail.
                LOG.debug("Reading the reload command's stderr ended: {}", e.toString());
            }
        }

        String text() {
            synchronized (text) {
                return text.toString();
            }
        }
    }
}
