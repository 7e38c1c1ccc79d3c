/**
 * The search provider SPI: implement {@link dev.roadie.search.spi.SearchProvider} and expose it
 * through a {@link dev.roadie.search.spi.SearchProviderFactory}. See {@code docs/PROVIDERS.md}.
 */
package dev.roadie.search.spi;
