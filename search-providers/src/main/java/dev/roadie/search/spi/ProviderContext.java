package dev.roadie.search.spi;

import java.time.Duration;
import java.util.Map;

/**
 * What a plug-in gets when the hub creates it: its own settings (from the {@code search.plugins}
 * section, keyed by the plug-in's id) and the default deadline for one call.
 *
 * @param settings plain string settings for this provider; empty when none are configured
 * @param timeout  how long one call may take
 */
public record ProviderContext(Map<String, String> settings, Duration timeout) {

    /** Copies the settings so that the hub's configuration cannot change under a provider. */
    public ProviderContext {
        settings = Map.copyOf(settings);
    }
}
