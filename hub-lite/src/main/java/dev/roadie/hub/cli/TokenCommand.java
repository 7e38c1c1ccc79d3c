package dev.roadie.hub.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code roadie token}: create, list and revoke the hub's access tokens. It works on the data
 * folder directly, whether or not a hub is running (a running hub notices a revoke within
 * about 2 s and closes the token's connections).
 * The top-level {@code roadie} command registers it with {@code addSubcommand}; run it through
 * {@link CliErrors#configure} so that usage errors are one line.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Create, list and revoke access tokens.",
        subcommands = {TokenCreateCommand.class, TokenListCommand.class, TokenRevokeCommand.class})
public final class TokenCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    /** Without a subcommand there is nothing to do: a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: create, list or revoke");
    }
}
