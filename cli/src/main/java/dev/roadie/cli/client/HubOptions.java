package dev.roadie.cli.client;

import dev.roadie.client.ClientOptions;
import dev.roadie.client.ConnectionListener;
import dev.roadie.client.DisconnectReason;
import dev.roadie.client.SessionInfo;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
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

    /** Client options for a command-line client; connection events are reported on stderr. */
    public ClientOptions clientOptions(String clientName) {
        return clientOptions(clientName, reason -> { });
    }

    /**
     * Client options for a command-line client; connection events are reported on stderr, and
     * {@code refused} hears when the hub refuses the client for good (bad token, replaced).
     */
    public ClientOptions clientOptions(String clientName, java.util.function.Consumer<DisconnectReason> refused) {
        ClientOptions.Builder options = ClientOptions.builder().token(access.token()).clientName(clientName)
                .listener(new StderrListener(spec.commandLine().getErr(), refused));
        access.hubs().forEach(options::hub);
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

    /** Connection events as short lines on stderr. */
    private record StderrListener(PrintWriter err, java.util.function.Consumer<DisconnectReason> refused)
            implements ConnectionListener {
        @Override
        public void connecting(URI hub, InetAddress address) {
            err.println("roadie: connecting to " + hub + " (" + address.getHostAddress() + ")");
        }

        @Override
        public void connected(SessionInfo session) {
            err.println("roadie: connected as " + session.identity() + " (session " + session.session() + ")");
        }

        @Override
        public void resumed(SessionInfo session) {
            err.println("roadie: resumed session " + session.session());
        }

        @Override
        public void disconnected(DisconnectReason reason) {
            err.println("roadie: disconnected: " + reason);
            if (reason.cause() == dev.roadie.client.DisconnectCause.REFUSED) {
                refused.accept(reason);
            }
        }

        @Override
        public void reconnecting(Duration delay) {
            err.println("roadie: reconnecting in " + delay.toMillis() + " ms");
        }

        @Override
        public void hubRestarted(String oldEpoch, String newEpoch) {
            err.println("roadie: the hub restarted; subscribing again");
        }
    }
}
