package dev.roadie.hub.cli;

import dev.roadie.hub.config.ConfigException;
import dev.roadie.hub.store.AuditLog;
import dev.roadie.hub.store.Database;
import dev.roadie.hub.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the {@code token} subcommands share: the data folder, the output streams, and reporting
 * expected failures as one line on stderr (exit code 1) or usage mistakes (exit code 2), even
 * when the command line was not set up with {@link CliErrors}.
 */
abstract class TokenSubcommand implements Callable<Integer> {
    static final int FAILURE = 1;
    static final int USAGE = 2;

    final Clock clock = Clock.systemUTC();

    @Spec
    CommandSpec spec;

    @Mixin
    DataFolderOption data;

    /** Resolved once per run: resolving reads the configuration, whose warnings should show once. */
    private Path folder;

    @Override
    public final Integer call() {
        try {
            return run();
        } catch (StoreException e) {
            return fail(e.getMessage());
        } catch (ConfigException e) {
            // The data folder comes from the configuration: a bad one (a missing --config file, a
            // wrong setting) is a mistake in the command, as for serve.
            return usage(e.getMessage());
        }
    }

    /** Does the work; returns the exit code. */
    abstract int run();

    /** The data folder chosen, absolute. */
    Path folder() {
        if (folder == null) {
            folder = data.folder();
        }
        return folder;
    }

    /** Opens the database, creating the data folder and the database if needed. */
    Database open() {
        return Database.open(folder());
    }

    /** Opens the database, failing if there is none: a mistyped folder should not get a new empty one. */
    Database openExisting() {
        Path folder = folder();
        if (!Files.isRegularFile(folder.resolve(Database.FILE_NAME))) {
            throw new StoreException("No Roadie data in " + folder + " (no " + Database.FILE_NAME
                    + "). Give the hub's data folder with --data or " + DataFolderOption.ENVIRONMENT_VARIABLE + ".");
        }
        return open();
    }

    void audit(Database db, String action, String detail) {
        new AuditLog(db, clock).record("cli:" + System.getProperty("user.name", "unknown"), action, detail);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    int fail(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(CliErrors.oneLine(message));
        err.flush();
        return FAILURE;
    }

    int usage(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(CliErrors.oneLine(message) + " (see '" + spec.qualifiedName() + " --help')");
        err.flush();
        return USAGE;
    }
}
