package dev.roadie.hub.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code roadie pair}: approve and deny devices' pairing requests, invite a device, list and
 * revoke paired devices (docs/PAIRING.md). Like {@link TokenCommand} it works on the data folder
 * directly, whether or not a hub is running.
 */
@Command(name = "pair", mixinStandardHelpOptions = true,
        description = "Pair devices with the hub: approve or deny their requests, invite one, list and revoke them.",
        subcommands = {PairListCommand.class, PairApproveCommand.class, PairDenyCommand.class,
            PairInviteCommand.class, PairRevokeCommand.class})
public final class PairCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    /** Without a subcommand there is nothing to do: a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "Missing subcommand: list, approve, deny, invite or revoke");
    }
}
