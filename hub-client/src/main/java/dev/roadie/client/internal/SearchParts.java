package dev.roadie.client.internal;

import dev.roadie.model.search.HubRequests;
import dev.roadie.model.search.SearchPart;
import dev.roadie.model.wire.FrameCodec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Hands the {@code search.part} messages of streamed searches to the callback of the search they
 * belong to (the request id in their {@code re}). Its message handler is added with the first
 * streamed search; parts run on the event thread, where the search's reply also completes, after them.
 */
public final class SearchParts {
    private static final Logger log = LoggerFactory.getLogger(SearchParts.class);

    private final ClientCore core;
    private final Map<String, Consumer<SearchPart>> open = new ConcurrentHashMap<>();
    private boolean listening;

    public SearchParts(ClientCore core) {
        this.core = core;
    }

    /** Sends each part of the search with request id {@code requestId} to {@code onPart} until {@link #end}. */
    public void start(String requestId, Consumer<SearchPart> onPart) {
        synchronized (this) {
            if (!listening) {
                core.receive(HubRequests.SEARCH_PART, message -> deliver(message.body()));
                listening = true;
            }
        }
        open.put(requestId, onPart);
    }

    /** Forgets the search: its reply came, or it failed. */
    public void end(String requestId) {
        open.remove(requestId);
    }

    private void deliver(JsonNode body) {
        SearchPart part = FrameCodec.DEFAULT.fromTree(body, SearchPart.class);
        Consumer<SearchPart> onPart = part.re() == null ? null : open.get(part.re());
        if (onPart == null) {
            log.debug("A search part for a search that has ended or is not this client's: {}", part.re());
            return;
        }
        onPart.accept(part);
    }
}
