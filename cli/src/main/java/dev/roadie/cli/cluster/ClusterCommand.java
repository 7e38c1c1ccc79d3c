package dev.roadie.cli.cluster;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code roadie cluster}: work on a cluster of hubs (docs/CLUSTER.md). */
@Command(name = "cluster", mixinStandardHelpOptions = true, description = "Work on a cluster of hubs.",
        subcommands = ClusterMigrateCommand.class)
public final class ClusterCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    /** Without a subcommand there is nothing to do: a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: migrate");
    }
}
