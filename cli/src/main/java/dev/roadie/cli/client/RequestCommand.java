package dev.roadie.cli.client;

import dev.roadie.client.Reply;
import dev.roadie.client.RoadieClient;
import dev.roadie.model.wire.FrameCodec;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code roadie request}: one request; the reply is printed as one JSON line. */
@Command(name = "request", mixinStandardHelpOptions = true,
        description = "Send a request and print its reply as one JSON line. Exit code 0 when the reply is ok, 1 otherwise.")
public final class RequestCommand extends MessageCommand implements Callable<Integer> {
    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "The request's deadline (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        var to = message.address();
        var body = message.json();
        var options = hub.clientOptions("roadie-request");
        try (RoadieClient client = RoadieClient.create(options)) {
            Reply reply = client.requestBlocking(to, message.subject, body, timeout);
            spec.commandLine().getOut().println(FrameCodec.DEFAULT.mapper().writeValueAsString(reply));
            return reply.isOk() ? 0 : 1;
        } catch (RuntimeException e) {
            return ClientFailure.report(spec, e, "the reply");
        }
    }
}
