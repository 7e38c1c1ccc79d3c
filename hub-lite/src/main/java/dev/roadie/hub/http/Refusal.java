package dev.roadie.hub.http;

import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.FrameCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers a request the guards refuse before it reaches the REST API, in the API's own error
 * shape ({@code {"code": ..., "message": ...}}), so that clients need to read only one kind.
 */
final class Refusal {
    private Refusal() {
    }

    /** Writes the refusal and completes {@code callback}; returns true, as a handler that handled it. */
    static boolean send(Response response, Callback callback, int status, ErrorCode code, String message,
            long retryAfterSeconds) {
        byte[] body = FrameCodec.DEFAULT.mapper().writeValueAsString(new ApiError(code.wire(), message))
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        if (retryAfterSeconds > 0) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
