package dev.roadie.cli.client;

import dev.roadie.client.ClientOptions;
import dev.roadie.client.DisconnectReason;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How the client commands reach a hub, as a picocli mixin: {@code --hub} (repeatable, for
 * failover), {@code --token} (better: {@code ROADIE_TOKEN}, which no process list shows),
 * {@code --kind} and {@code --name}. Connection events go to stderr, so stdout stays data.
 */
public final class HubOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Mixin
    HubAccess access;

    @Option(names = "--kind", paramLabel = "KIND", description = "Connect as this kind (admin tokens only; default: the token's).")
    String kind;

    @Option(names = "--name", paramLabel = "NAME", description = "Connect as this name (admin tokens only; default: the token's).")
    String name;

    @Option(names = "--replace", description = "Take over the identity if another client is connected with it (the"
            + " hub closes that one with 4010). Without it the hub refuses this command instead, so that borrowing a"
            + " service's token does not throw the service off.")
    boolean replace;

    @Option(names = "--no-retry", description = "Give up when the first attempt to reach the hub fails, instead of"
            + " trying again until the timeout.")
    boolean noRetry;

    /** Client options for a command-line client; connection events are reported on stderr. */
    public ClientOptions clientOptions(String clientName) {
        return clientOptions(clientName, reason -> { });
    }

    /**
     * Client options for a command-line client; connection events are reported on stderr, and
     * {@code refused} hears when the client stops for good: the hub refused it (bad token,
     * replaced), or, with {@code --no-retry}, it could not reach the hub.
     */
    public ClientOptions clientOptions(String clientName, java.util.function.Consumer<DisconnectReason> refused) {
        ClientOptions.Builder options = ClientOptions.builder().token(access.token()).clientName(clientName)
                .listener(new StderrConnectionListener(spec.commandLine().getErr(), refused, !noRetry));
        access.hubs().forEach(options::hub);
        options.replaceConnected(replace);
        if (noRetry) {
            options.maxFailedAttempts(1);
        }
        if (kind != null || name != null) {
            if (kind == null || name == null) {
                throw new ParameterException(spec.commandLine(), "give --kind and --name together");
            }
            options.identity(kind, name);
        }
        try {
            return options.build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
