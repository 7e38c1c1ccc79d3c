package dev.roadie.search.spi;

/**
 * What the user typed, and how many tracks they want back from each provider.
 *
 * @param text  the free text, never blank
 * @param limit the most tracks a provider should return, 1 to {@link #MAX_LIMIT}
 */
public record SearchQuery(String text, int limit) {

    /** More than this is a page of results no one reads, and a heavier call on the service. */
    public static final int MAX_LIMIT = 100;

    /** Validates the query so that every provider can trust it. */
    public SearchQuery {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a search needs some text");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        text = text.strip();
    }
}
