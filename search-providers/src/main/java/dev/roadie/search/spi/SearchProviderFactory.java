package dev.roadie.search.spi;

/**
 * The entry point of a plug-in, found through {@link java.util.ServiceLoader}: list the
 * implementing class in {@code META-INF/services/dev.roadie.search.spi.SearchProviderFactory}
 * of the plug-in's jar. It needs a public no-argument constructor.
 */
public interface SearchProviderFactory {

    /**
     * Creates the provider.
     *
     * @param context the provider's settings and deadline
     * @return a ready provider
     */
    SearchProvider create(ProviderContext context);
}
