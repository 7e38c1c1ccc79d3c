package dev.roadie.search.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpHeaders;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpField;

/** Collects a response but stops reading (and fails) past a size cap, so a huge page cannot fill the heap. */
final class CappedResponse implements Response.Listener {

    /** The answer went over the cap; the fetcher words it for the user. */
    static final class TooLarge extends Exception {
        TooLarge(long maxBytes) {
            super("the answer is larger than " + maxBytes + " bytes");
        }
    }

    private final long maxBytes;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<Page> page = new CompletableFuture<>();

    CappedResponse(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Completes with the page, or with why there is none. */
    CompletableFuture<Page> page() {
        return page;
    }

    @Override
    public void onContent(Response response, ByteBuffer content) {
        // Counted after decompression, so a small gzip bomb is stopped as well as a big page.
        if (bytes.size() + (long) content.remaining() > maxBytes) {
            response.abort(new TooLarge(maxBytes));
            return;
        }
        byte[] chunk = new byte[content.remaining()];
        content.get(chunk);
        bytes.writeBytes(chunk);
    }

    @Override
    public void onComplete(Result result) {
        if (result.isFailed()) {
            page.completeExceptionally(result.getFailure());
            return;
        }
        Response response = result.getResponse();
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpField field : response.getHeaders()) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
        }
        page.complete(new Page(response.getRequest().getURI(), response.getStatus(),
                HttpHeaders.of(headers, (name, value) -> true), bytes.toByteArray()));
    }
}
