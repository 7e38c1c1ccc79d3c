package dev.roadie.cli.client;

import dev.roadie.client.DisconnectCause;
import dev.roadie.client.IncomingMessage;
import dev.roadie.client.RoadieClient;
import dev.roadie.model.wire.FrameCodec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code roadie listen}: prints every message of the given topics (and direct messages of the
 * given subjects) as one JSON line each, until stopped. It stays connected across hub restarts
 * and address changes, subscribing again by itself; connection events go to stderr.
 */
@Command(name = "listen", mixinStandardHelpOptions = true,
        description = "Print each message as one JSON line until stopped (Ctrl+C); survives hub restarts.")
public final class ListenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HubOptions hub;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "A topic to print; repeatable.")
    List<String> topics = new ArrayList<>();

    @Option(names = "--subject", paramLabel = "SUBJECT",
            description = "Also print messages sent to this client with this subject; repeatable.")
    List<String> subjects = new ArrayList<>();

    private final UntilStopped running = new UntilStopped("roadie-listen-stop");

    /** Ends a running listen, as Ctrl+C does; for tests and embedding. */
    public void stop() {
        running.stop();
    }

    @Override
    public Integer call() throws InterruptedException {
        if (topics.isEmpty() && subjects.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "name at least one --topic or --subject");
        }
        PrintWriter out = spec.commandLine().getOut();
        var options = hub.clientOptions("roadie-listen", reason -> {
            // Refused for good (bad token, replaced) or given up: listening on would print nothing, ever.
            spec.commandLine().getErr().println(reason.cause() == DisconnectCause.REFUSED
                    ? "roadie: the hub refused this client: " + reason.message()
                    : "roadie: could not reach the hub: " + reason.message());
            running.fail();
        });
        try (RoadieClient client = RoadieClient.create(options)) {
            topics.forEach(topic -> client.subscribe(topic, message -> print(out, message)));
            subjects.forEach(subject -> client.receive(subject, message -> print(out, message)));
            return running.await();
        }
    }

    private void print(PrintWriter out, IncomingMessage message) {
        // One line per message, flushed at once, so that a pipe sees each as it comes.
        synchronized (out) {
            out.println(FrameCodec.DEFAULT.mapper().writeValueAsString(message));
            out.flush();
            if (out.checkError()) {
                // The reader went away (roadie listen | head -1): stop instead of listening into nothing.
                stop();
            }
        }
    }
}
