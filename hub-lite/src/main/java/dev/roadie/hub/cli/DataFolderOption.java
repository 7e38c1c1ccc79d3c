package dev.roadie.hub.cli;

import dev.roadie.hub.config.ConfigLoader;
import dev.roadie.hub.config.HubConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine.Option;

/**
 * The {@code --data DIR} and {@code --config FILE} options, as a picocli mixin
 * ({@code @Mixin DataFolderOption data;}). The data folder is found exactly as
 * {@code roadie serve} finds it: {@code --data}, else {@code ROADIE_DATA}, else {@code data} in
 * the configuration file ({@code --config}, {@code ROADIE_CONFIG} or {@code ./roadie.yml}),
 * else {@code ./data}; so the token commands always work on the hub's own folder.
 */
public final class DataFolderOption {
    /** The environment variable naming the data folder. */
    public static final String ENVIRONMENT_VARIABLE = "ROADIE_DATA";

    @Option(names = "--data", paramLabel = "DIR",
            description = "The data folder (default: as roadie serve finds it: $" + ENVIRONMENT_VARIABLE
                    + ", data in roadie.yml, else ./data).")
    private Path data;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: ./roadie.yml if present).")
    private Path config;

    private final Map<String, String> environment;
    private final Path workingDir;

    /** Reads the process environment and working folder; picocli uses this one. */
    public DataFolderOption() {
        this(System.getenv(), Path.of("").toAbsolutePath());
    }

    /** Reads {@code environment} and {@code workingDir} instead of the process's, for tests. */
    DataFolderOption(Map<String, String> environment, Path workingDir) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.workingDir = Objects.requireNonNull(workingDir, "workingDir");
    }

    /** The data folder chosen, absolute; throws ConfigException for a bad configuration. */
    public Path folder() {
        return settings().data().toAbsolutePath().normalize();
    }

    /** The hub's settings as {@code roadie serve} would read them, with {@code --data}; throws ConfigException. */
    public HubConfig settings() {
        Map<String, String> overrides = data == null ? Map.of() : Map.of("data", data.toString());
        return ConfigLoader.load(config, workingDir, environment, overrides);
    }
}
