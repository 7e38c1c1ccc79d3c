package dev.roadie.hub.http;

import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Sits inside Jetty's {@link org.eclipse.jetty.server.handler.MinimumDataRateHandler}, which
 * fails the read of a body slower than {@code http.minRequestDataRate} with a bare
 * {@link TimeoutException} ("read rate is too low"): Javalin answers that with an empty 408 of
 * its own before the API's error handler sees it. Here that failure becomes a
 * {@link BodyTimeoutException} naming the setting, which the API answers with 408 in its JSON
 * error shape, as it does a body cut off by {@code http.bodyTimeout}.
 */
final class SlowBodyReason extends Handler.Wrapper {
    private final String message;

    SlowBodyReason(int minRequestDataRate) {
        this.message = "the request body arrived slower than " + minRequestDataRate + " bytes a second"
                + " (http.minRequestDataRate): send it faster, or lower http.minRequestDataRate";
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(new Request.Wrapper(request) {
            @Override
            public Content.Chunk read() {
                Content.Chunk chunk = super.read();
                if (chunk != null && chunk.getFailure() instanceof TimeoutException) {
                    return Content.Chunk.from(new BodyTimeoutException(message), chunk.isLast());
                }
                return chunk;
            }
        }, response, callback);
    }
}
