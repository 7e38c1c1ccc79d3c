package dev.roadie.agent;

import dev.roadie.agent.config.AgentConfig;
import dev.roadie.agent.config.ConfigException;
import dev.roadie.agent.config.ConfigLoader;
import dev.roadie.client.RoadieClient;
import dev.roadie.node.retire.Phase;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code roadie-agent}: the node agent's command line. */
@Command(name = "roadie-agent", mixinStandardHelpOptions = true, subcommands = AgentCommand.Run.class,
        description = "Sidecar beside a Lavalink node: announces it to the Roadie hub, publishes its stats, retires it.")
public final class AgentCommand {

    /** Exit code of a bad setting, as picocli's usage errors. */
    static final int BAD_SETTING = 2;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, for tests that run it in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new AgentCommand());
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Watch the node until it is retired. Settings: the file, then ROADIE_AGENT_* variables.")
    static final class Run implements Callable<Integer> {
        private static final Logger log = LoggerFactory.getLogger(Run.class);

        @Spec
        CommandSpec spec;

        @Option(names = "--config", paramLabel = "FILE", description = "The YAML settings file (docs/NODE-AGENT.md).")
        Path config;

        @Option(names = "--dry-run", description = "Log what retiring would do (drain, retire, command, droplets) instead.")
        boolean dryRun;

        @Override
        public Integer call() throws InterruptedException {
            AgentConfig settings;
            try {
                settings = ConfigLoader.load(config, System.getenv());
            } catch (ConfigException e) {
                spec.commandLine().getErr().println("roadie-agent: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return BAD_SETTING;
            }
            log.info("starting with {}{}", settings, dryRun ? " (dry run)" : "");
            try (NodeAgent agent = new NodeAgent(settings, dryRun, Clock.systemUTC(), RoadieClient::create)) {
                // docker stop: close here, in the hook, since the JVM does not wait for the main thread.
                Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("roadie-agent-shutdown").unstarted(() -> {
                    agent.finished().complete(Phase.WATCHING);
                    agent.close();
                }));
                Phase phase = agent.start().finished().get();
                log.info("done: {}", phase);
                return 0;
            } catch (ExecutionException e) {
                log.error("the agent stopped: {}", e.getCause().toString(), e.getCause());
                return 1;
            }
        }
    }
}
