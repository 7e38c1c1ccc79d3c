package dev.roadie.cli.client;

import dev.roadie.client.GatherResult;
import dev.roadie.client.RoadieClient;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.GatherMode;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code roadie gather}: one request to many; the gathered result is printed as one JSON line. */
@Command(name = "gather", mixinStandardHelpOptions = true,
        description = "Ask every receiver of an address and print one JSON line with a status per receiver.")
public final class GatherCommand extends MessageCommand implements Callable<Integer> {
    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "all", converter = ModeConverter.class,
            description = "all, first or quorum (default: ${DEFAULT-VALUE}).")
    GatherMode mode;

    @Option(names = "--quorum", paramLabel = "N", defaultValue = "0", description = "For mode quorum: how many ok answers.")
    int quorum;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "The deadline (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        var to = message.address();
        var body = message.json();
        var options = hub.clientOptions("roadie-gather");
        try (RoadieClient client = RoadieClient.create(options)) {
            GatherResult result = client.gatherBlocking(to, message.subject, body, timeout, mode, quorum);
            spec.commandLine().getOut().println(FrameCodec.DEFAULT.mapper().writeValueAsString(result));
            return 0;
        } catch (RuntimeException e) {
            return ClientFailure.report(spec, e, "the answers");
        }
    }

    /** Gather modes by their wire names. */
    static final class ModeConverter implements picocli.CommandLine.ITypeConverter<GatherMode> {
        @Override
        public GatherMode convert(String value) {
            return GatherMode.fromWire(value);
        }
    }
}
