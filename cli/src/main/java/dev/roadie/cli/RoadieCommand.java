package dev.roadie.cli;

import dev.roadie.hub.cli.CliErrors;
import dev.roadie.hub.cli.PairCommand;
import dev.roadie.hub.cli.ServeCommand;
import dev.roadie.hub.cli.TokenCommand;
import dev.roadie.cli.client.CertsCommand;
import dev.roadie.cli.cluster.ClusterCommand;
import dev.roadie.cli.client.DemoBotCommand;
import dev.roadie.cli.client.GatherCommand;
import dev.roadie.cli.client.ListenCommand;
import dev.roadie.cli.client.RequestCommand;
import dev.roadie.cli.client.ResolveCommand;
import dev.roadie.cli.client.SearchCommand;
import dev.roadie.cli.client.SendCommand;
import dev.roadie.cli.demo.DemoServe;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code roadie} command: runs the hub, manages its tokens, and talks to a hub as a client. */
@Command(name = "roadie", mixinStandardHelpOptions = true, versionProvider = RoadieCommand.Version.class,
        description = "Roadie: the hub that connects a Discord music bot, its audio servers and its companions.",
        subcommands = {ServeCommand.class, TokenCommand.class, PairCommand.class, SendCommand.class, RequestCommand.class,
            GatherCommand.class, ListenCommand.class, SearchCommand.class, ResolveCommand.class, CertsCommand.class,
            DemoBotCommand.class, ClusterCommand.class, CommandLine.HelpCommand.class})
public final class RoadieCommand {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with Roadie's error handling: one line for a bad option, no stack trace. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new RoadieCommand());
        // Written straight onto System.out, so that checkError() sees a closed pipe: picocli's own
        // writer goes through an OutputStreamWriter, and System.out swallows the error beneath it,
        // so that `roadie listen | head -1` would listen on into nothing.
        commandLine.setOut(new PrintWriter(System.out, true, System.out.charset()));
        CliErrors.configure(commandLine);
        ((ServeCommand) commandLine.getSubcommands().get("serve").getCommand()).demoMode(new DemoServe());
        return commandLine;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = RoadieCommand.class.getPackage().getImplementationVersion();
            return new String[] {"roadie " + (version == null ? "dev" : version)};
        }
    }
}
