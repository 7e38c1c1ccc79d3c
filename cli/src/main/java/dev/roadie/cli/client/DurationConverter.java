package dev.roadie.cli.client;

import dev.roadie.settings.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations on the command line as in roadie.yml and the node agent's settings: 250ms, 15s, 5m, 2d. */
public final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return Durations.parse(value).orElseThrow(() -> new TypeConversionException(Durations.EXPECTED + ", got '"
                + value + "'"));
    }
}
