package dev.roadie.hub.api;

import dev.roadie.hub.store.DataFolderHealth;
import io.javalin.http.Context;

/** {@code /api/health}: whether the hub is up and can store what it is told, for monitors and {@code serve --check}. */
public final class HealthController {
    private final String epoch;
    private final DataFolderHealth dataFolder;

    /**
     * @param epoch      the epoch of this start, as the socket announces it
     * @param dataFolder whether the data folder and database are still there to write to
     */
    public HealthController(String epoch, DataFolderHealth dataFolder) {
        this.epoch = epoch;
        this.dataFolder = dataFolder;
    }

    /** The answer: {@code ok}, or {@code failing} with the reason (then with status 503). */
    record Health(String status, String epoch, String version, String reason) {
    }

    void health(Context ctx) {
        // A hub that cannot store anything must not look healthy to a monitor or to serve --check.
        dataFolder.problem().ifPresentOrElse(
                problem -> ctx.status(503).json(new Health("failing", epoch, version(), problem)),
                () -> ctx.json(new Health("ok", epoch, version(), null)));
    }

    private static String version() {
        String version = HealthController.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
