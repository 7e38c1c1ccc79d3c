package dev.roadie.hub.cli;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * The {@code --data DIR} option, as a picocli mixin ({@code @Mixin DataFolderOption data;}).
 * The data folder is {@code --data} if given, else the environment variable
 * {@code ROADIE_DATA}, else {@code ./data}.
 */
public final class DataFolderOption {
    /** The environment variable naming the data folder. */
    public static final String ENVIRONMENT_VARIABLE = "ROADIE_DATA";
    private static final Path DEFAULT = Path.of("data");

    @Option(names = "--data", paramLabel = "DIR",
            description = "The data folder (default: $" + ENVIRONMENT_VARIABLE + ", else ./data).")
    private Path data;

    private final UnaryOperator<String> environment;

    /** Reads the process environment; picocli uses this one. */
    public DataFolderOption() {
        this(System::getenv);
    }

    /** Reads {@code environment} instead of the process environment, for tests. */
    DataFolderOption(UnaryOperator<String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** The data folder chosen, absolute. */
    public Path folder() {
        if (data != null) {
            return data.toAbsolutePath().normalize();
        }
        String fromEnvironment = environment.apply(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment.strip()).toAbsolutePath().normalize();
        }
        return DEFAULT.toAbsolutePath().normalize();
    }
}
