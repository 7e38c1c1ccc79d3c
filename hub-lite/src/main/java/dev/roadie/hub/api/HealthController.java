package dev.roadie.hub.api;

import dev.roadie.hub.store.DataFolderHealth;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Supplier;

/** {@code /api/health}: whether the hub is up and can store what it is told, for monitors and {@code serve --check}. */
public final class HealthController {
    private final String epoch;
    private final DataFolderHealth dataFolder;
    private final Supplier<Optional<String>> leader;

    /**
     * @param epoch      the epoch of this start, as the socket announces it
     * @param dataFolder whether the data folder and database are still there to write to
     * @param leader     in a cluster, the epoch of the hub holding the leader lease; always empty for a hub on its own
     */
    public HealthController(String epoch, DataFolderHealth dataFolder, Supplier<Optional<String>> leader) {
        this.epoch = epoch;
        this.dataFolder = dataFolder;
        this.leader = leader;
    }

    /**
     * The answer: {@code ok}, or {@code failing} with the reason (then with status 503); in a cluster,
     * {@code leader} names the hub that runs what must run once (this one when it equals {@code epoch}).
     */
    record Health(String status, String epoch, String version, String reason, String leader) {
    }

    void health(Context ctx) {
        // A hub that cannot store anything must not look healthy to a monitor or to serve --check.
        dataFolder.problem().ifPresentOrElse(
                problem -> ctx.status(503).json(new Health("failing", epoch, version(), problem, leader())),
                () -> ctx.json(new Health("ok", epoch, version(), null, leader())));
    }

    private String leader() {
        return leader.get().orElse(null);
    }

    private static String version() {
        String version = HealthController.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
