package dev.roadie.model.search;

/**
 * Requests to the hub itself (PROTOCOL.md, "Requests to the hub"): the address and the subjects,
 * declared once for the hub and its clients. The JavaScript client mirrors them in
 * {@code client-js/src/roadie/hub-requests.js}, checked against this class by a hub-lite test.
 */
public final class HubRequests {
    /** The address of the hub itself, usable only in a {@code request}. */
    public static final String ADDRESS = "hub";

    /** A music search, body {@link SearchRequest}; the reply's body is a {@link SearchAnswer}, as {@code /api/search}. */
    public static final String SEARCH = "search";

    /** A link resolved to what it plays, body {@code {"url": "..."}}; the reply's body is a {@link ResolveAnswer}. */
    public static final String RESOLVE = "resolve";

    /** The hub's search providers, no body; the reply's body is the list {@code /api/providers} answers. */
    public static final String PROVIDERS = "providers";

    /**
     * The subject of the messages a streamed search ({@code "stream": true}) sends its requester,
     * one per provider as it answers, before the reply; body {@link SearchPart}.
     */
    public static final String SEARCH_PART = "search.part";

    /** The scope each of these requests needs, as the REST routes do. */
    public static final String SCOPE = "search";

    private HubRequests() {
    }
}
