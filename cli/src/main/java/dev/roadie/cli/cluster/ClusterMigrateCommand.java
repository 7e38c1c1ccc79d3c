package dev.roadie.cli.cluster;

import dev.roadie.hub.cli.CliErrors;
import dev.roadie.hub.cli.DataFolderOption;
import dev.roadie.hub.cluster.ClusterMigration;
import dev.roadie.hub.cluster.ClusterUnreachableException;
import dev.roadie.hub.config.ConfigException;
import dev.roadie.hub.config.HubConfig;
import dev.roadie.hub.routing.ElsewhereUnavailableException;
import dev.roadie.hub.routing.QuotaExceededException;
import dev.roadie.hub.store.Database;
import dev.roadie.hub.store.StoreException;
import io.lettuce.core.RedisException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code roadie cluster migrate}: copies a stopped single hub's tokens, pairings, audit log and
 * waiting durable messages into a cluster's Redis. It holds the data folder's lock while it
 * runs, so it refuses a folder a hub is running on, and no hub starts on it meanwhile.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Copy a stopped hub's tokens, pairings, audit log and waiting durable messages into a"
                + " cluster's Redis. Running it again copies only what is new.")
final class ClusterMigrateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataFolderOption data;

    @Option(names = "--redis", paramLabel = "URI",
            description = "The cluster's Redis (default: cluster.redis from the configuration).")
    private String redis;

    @Option(names = "--cluster-name", paramLabel = "NAME",
            description = "The cluster's name, the prefix of its keys (default: cluster.name from the configuration).")
    private String clusterName;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        HubConfig settings;
        try {
            settings = data.settings();
        } catch (ConfigException e) {
            err.println(CliErrors.oneLine(e.getMessage()) + " (see 'roadie cluster migrate --help')");
            err.flush();
            return 2;
        }
        String uri = redis != null ? redis : settings.cluster().redisUri().orElse(null);
        if (uri == null) {
            err.println("Say which Redis to move the hub's data into: --redis redis://HOST:PORT, or cluster.redis in"
                    + " roadie.yml (see 'roadie cluster migrate --help')");
            err.flush();
            return 2;
        }
        String name = clusterName != null ? clusterName : settings.cluster().name();
        Path folder = settings.data().toAbsolutePath().normalize();
        if (!Files.isRegularFile(folder.resolve(Database.FILE_NAME))) {
            return fail("No Roadie data in " + folder + " (no " + Database.FILE_NAME + "). Give the hub's data folder"
                    + " with --data or " + DataFolderOption.ENVIRONMENT_VARIABLE + ".");
        }
        ClusterMigration.Moved moved;
        // As a hub opens it: refused while a hub runs on the folder, and no hub starts on it until this is done.
        try (Database db = Database.openForHub(folder)) {
            moved = ClusterMigration.run(db, settings, uri, name);
        } catch (StoreException e) {
            return fail(e.getMessage());
        } catch (dev.roadie.hub.cluster.MasterKeyMismatchException e) {
            return fail("Stopped before copying: " + e.getMessage());
        } catch (ClusterUnreachableException | ElsewhereUnavailableException | RedisException e) {
            return fail("Stopped copying: " + e.getMessage() + ". Run it again once Redis answers: what was copied"
                    + " is not copied twice.");
        } catch (QuotaExceededException e) {
            return fail("The cluster refused a durable message: " + e.getMessage() + ". Raise the quotas.durable*"
                    + " settings and run it again: what was copied is not copied twice.");
        }
        report(moved, name, folder, settings.certs().masterKeyBytes().isPresent() ? "certs.masterKey"
                : settings.certs().masterKeyPath(folder).toString());
        return 0;
    }

    private void report(ClusterMigration.Moved moved, String name, Path folder, String keyWhere) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Copied the hub's data in " + folder + " into cluster '" + name + "' at " + moved.where() + ":");
        out.println("  " + line(moved.tokens(), moved.tokensThere(), "token", "tokens"));
        out.println("  " + line(moved.pairings(), moved.pairingsThere(), "pairing", "pairings"));
        out.println("  " + line(moved.auditEntries(), moved.auditThere(), "audit entry", "audit entries"));
        out.println("  " + line(moved.durableMessages(), moved.durableThere(), "durable message waiting for its"
                + " receiver", "durable messages waiting for their receivers"));
        out.println("  " + line(moved.certificates(), moved.certificatesThere(), "certificate", "certificates"));
        out.println("  " + line(moved.secrets(), moved.secretsThere(), "service's secrets", "services' secrets"));
        out.println("Start the hubs with cluster.redis set to this Redis and cluster.name " + name
                + ", and this hub's master key (" + keyWhere + ").");
        out.flush();
    }

    private static String line(int copied, int there, String one, String many) {
        String text = copied + " " + (copied == 1 ? one : many);
        return there == 0 ? text : text + " (" + there + " more already there)";
    }

    private int fail(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(CliErrors.oneLine(message));
        err.flush();
        return 1;
    }
}
