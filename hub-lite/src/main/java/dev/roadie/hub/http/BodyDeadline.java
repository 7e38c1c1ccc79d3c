package dev.roadie.hub.http;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
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
 * it whatever the pace. Reading fails as with Jetty's minimum rate, and the call ends with 408.
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
                failure = Content.Chunk.from(new TimeoutException("the request body took longer than "
                        + timeout.toMillis() + " ms (http.bodyTimeout)"));
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
