package dev.roadie.cli.client;

import dev.roadie.client.RoadieClient;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code roadie send}: one message, confirmed by the hub before the command exits. */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Send a message and wait until the hub confirms it.")
public final class SendCommand extends MessageCommand implements Callable<Integer> {
    @Option(names = "--durable", description = "Stored by the hub until every receiver acknowledges it.")
    boolean durable;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "How long to wait for the hub to confirm (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws InterruptedException {
        var to = message.address();
        var body = message.json();
        var options = hub.clientOptions("roadie-send");
        try (RoadieClient client = RoadieClient.create(options)) {
            var sent = durable ? client.sendDurable(to, message.subject, body) : client.send(to, message.subject, body);
            sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return 0;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                | RuntimeException e) {
            return ClientFailure.report(spec, e, "the confirmation");
        }
    }
}
