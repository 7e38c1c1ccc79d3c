package dev.roadie.hub.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a command line report errors the Roadie way: one line on stderr, exit code 2 for a
 * usage mistake and 1 for a failure, and no stack trace. The top-level command installs it
 * with {@code CliErrors.configure(new CommandLine(new RoadieCommand()))} in the {@code roadie} command.
 */
public final class CliErrors {
    private static final Logger log = LoggerFactory.getLogger(CliErrors.class);

    private CliErrors() {
    }

    /** Installs the handlers on {@code commandLine} (they serve its subcommands too) and returns it. */
    public static CommandLine configure(CommandLine commandLine) {
        commandLine.setParameterExceptionHandler(usageErrors());
        commandLine.setExecutionExceptionHandler(failures());
        return commandLine;
    }

    private static IParameterExceptionHandler usageErrors() {
        return (error, args) -> {
            CommandLine failed = error.getCommandLine();
            failed.getErr().println(oneLine(error.getMessage()) + " (see '"
                    + failed.getCommandSpec().qualifiedName() + " --help')");
            failed.getErr().flush();
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        };
    }

    private static IExecutionExceptionHandler failures() {
        return (error, failed, parseResult) -> {
            // Expected failures are reported by the commands themselves; this is a bug, so keep
            // the stack trace in the log for whoever investigates, not on the user's screen.
            log.debug("{} failed", failed.getCommandSpec().qualifiedName(), error);
            String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
            String command = failed.getCommandSpec().qualifiedName();
            failed.getErr().println(command + ": unexpected error: " + oneLine(message));
            failed.getErr().flush();
            return failed.getCommandSpec().exitCodeOnExecutionException();
        };
    }

    public static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
