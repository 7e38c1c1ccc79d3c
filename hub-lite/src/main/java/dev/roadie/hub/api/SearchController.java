package dev.roadie.hub.api;

import dev.roadie.hub.search.SearchCalls;
import dev.roadie.hub.search.SearchRefusedException;
import dev.roadie.model.search.SearchAnswer;
import dev.roadie.model.wire.FrameCodec;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.util.function.Supplier;

/**
 * {@code /api/search}, {@code /api/search/stream}, {@code /api/resolve} and {@code /api/providers}:
 * music search through the hub's providers, for any token with the scope {@code search}. What
 * they do is {@link SearchCalls}, which the socket's requests to {@code hub} share.
 */
public final class SearchController {
    private final SearchCalls search;

    public SearchController(SearchCalls search) {
        this.search = search;
    }

    void search(Context ctx) {
        SearchCalls.Parameters parameters = parameters(ctx);
        ctx.json(refusedAsApi(() -> search.search(parameters, part -> { })));
    }

    void stream(Context ctx) throws Exception {
        // Checked before the stream starts, so that refusals get a status and a JSON body.
        SearchCalls.Parameters parameters = parameters(ctx);
        new SseHandler(client -> stream(client, parameters)).handle(ctx);
    }

    private void stream(SseClient client, SearchCalls.Parameters parameters) {
        var mapper = FrameCodec.DEFAULT.mapper();
        SearchAnswer answer = search.search(parameters, part -> {
            if (!client.terminated()) {
                client.sendEvent("provider", mapper.writeValueAsString(part));
            }
        });
        if (!client.terminated()) {
            client.sendEvent("done", mapper.writeValueAsString(answer));
        }
        client.close();
    }

    void resolve(Context ctx) {
        String url = ctx.queryParam("url");
        ctx.json(refusedAsApi(() -> search.resolve(url)));
    }

    void listProviders(Context ctx) {
        ctx.json(search.providers());
    }

    private SearchCalls.Parameters parameters(Context ctx) {
        return refusedAsApi(() -> search.parameters(ctx.queryParam("q"), ctx.queryParam("limit"),
                ctx.queryParams("providers")));
    }

    private static <T> T refusedAsApi(Supplier<T> call) {
        try {
            return call.get();
        } catch (SearchRefusedException e) {
            throw new ApiException(e.status(), e.code(), e.getMessage());
        }
    }
}
