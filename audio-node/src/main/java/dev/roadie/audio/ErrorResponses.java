package dev.roadie.audio;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lavalink's error body, so that clients written for Lavalink read our errors as theirs. The stack
 * trace goes out only with {@code ?trace=true}, as Lavalink does: it names the server's insides.
 */
final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {
    }

    static void lavalink(LavalinkException e, Context ctx, JsonMapper json) {
        write(ctx, json, e.status(), e.getMessage(), e);
    }

    static void unexpected(Exception e, Context ctx, JsonMapper json) {
        LOG.error("The request {} {} failed", ctx.method(), ctx.path(), e);
        write(ctx, json, 500, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
    }

    private static void write(Context ctx, JsonMapper json, int status, String message, Throwable e) {
        ObjectNode body = json.createObjectNode();
        body.put("timestamp", System.currentTimeMillis());
        body.put("status", status);
        body.put("error", HttpStatus.forStatus(status).getMessage());
        if ("true".equals(ctx.queryParam("trace"))) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            body.put("trace", trace.toString());
        }
        body.put("message", message);
        body.put("path", ctx.path());
        ctx.status(status).contentType("application/json").result(json.writeValueAsString(body));
    }
}
