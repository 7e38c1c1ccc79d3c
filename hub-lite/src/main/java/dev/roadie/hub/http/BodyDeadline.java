package dev.roadie.hub.http;

import dev.roadie.settings.Durations;
import java.time.Duration;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;

/**
 * Fails the reading of a request body still arriving {@code http.bodyTimeout} after the request
 * began. The minimum data rate alone lets a body that arrives just fast enough hold its thread
 * for as long as it is big (a megabyte at 512 bytes a second is over half an hour); this bounds
 * it whatever the pace. Reading fails with a {@link BodyTimeoutException}, which the API answers
 * with 408 in its JSON error shape.
 */
final class BodyDeadline extends Handler.Wrapper {
    private final long timeoutNanos;
    private final Duration timeout;

    BodyDeadline(Duration timeout) {
        this.timeout = timeout;
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(new TimedRequest(request, NanoTime.now()), response, callback);
    }

    private final class TimedRequest extends Request.Wrapper {
        private final long beganNanos;
        private volatile Content.Chunk failure;

        TimedRequest(Request request, long beganNanos) {
            super(request);
            this.beganNanos = beganNanos;
        }

        private boolean late() {
            if (failure == null && NanoTime.since(beganNanos) > timeoutNanos) {
                failure = Content.Chunk.from(new BodyTimeoutException("the request body took longer than "
                        + Durations.format(timeout) + " (http.bodyTimeout) to arrive: send it faster, or raise"
                        + " http.bodyTimeout"));
            }
            return failure != null;
        }

        @Override
        public Content.Chunk read() {
            return late() ? failure : super.read();
        }

        @Override
        public void demand(Runnable demandCallback) {
            if (late()) {
                demandCallback.run();
            } else {
                super.demand(demandCallback);
            }
        }
    }
}
