package dev.roadie.cli.client;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code roadie certs}: the hub's certificates, installed beside a service that is not written in Java. */
@Command(name = "certs", mixinStandardHelpOptions = true,
        description = "Install the hub's certificates beside a service: pull once, or watch and follow renewals.",
        subcommands = {CertsPullCommand.class, CertsWatchCommand.class})
public final class CertsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** Without a subcommand there is nothing to do: a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: pull or watch");
    }
}
