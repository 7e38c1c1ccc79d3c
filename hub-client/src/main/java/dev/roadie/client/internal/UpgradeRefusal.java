package dev.roadie.client.internal;

import dev.roadie.model.wire.FrameCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.java_websocket.exceptions.IncompleteHandshakeException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The hub's answer when it refuses to upgrade a connection to a WebSocket (a name it does not
 * answer to, a page from a foreign origin, too many calls at once). The hub says why in a JSON
 * body ({@code {"code": ..., "message": ...}}); the WebSocket library reads only the status line,
 * so this reads the rest, and a person is told the hub's words instead of "Invalid status code".
 *
 * @param status  the HTTP status, e.g. 403
 * @param message the hub's reason; the status line's text when the body has none
 */
record UpgradeRefusal(int status, String message) {
    /** Bodies longer than this are cut: a reason is a sentence, and the socket must not buffer a page. */
    private static final int MAX_BODY = 4096;

    /**
     * Reads a refusal from the start of {@code response}, or null when the response is an
     * upgrade (101) or not HTTP at all (the library reports those itself).
     *
     * @throws IncompleteHandshakeException when the body has not fully arrived yet; the library
     *                                      then waits for the size it asks for and calls again
     */
    static UpgradeRefusal read(ByteBuffer response) {
        ByteBuffer view = response.duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int lineEnd = text.indexOf("\r\n");
        if (lineEnd < 0) {
            return null;
        }
        String[] statusLine = text.substring(0, lineEnd).split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/") || "101".equals(statusLine[1])) {
            return null;
        }
        int status;
        try {
            status = Integer.parseInt(statusLine[1]);
        } catch (NumberFormatException e) {
            return null;
        }
        String statusText = statusLine.length > 2 ? statusLine[2] : "";
        int headersEnd = text.indexOf("\r\n\r\n");
        if (headersEnd < 0) {
            throw new IncompleteHandshakeException(bytes.length + 1024);
        }
        int bodyStart = headersEnd + 4;
        long length = contentLength(text.substring(lineEnd + 2, headersEnd));
        long wanted = Math.min(length < 0 ? 0 : length, MAX_BODY);
        if (bytes.length - bodyStart < wanted) {
            throw new IncompleteHandshakeException((int) (bodyStart + wanted));
        }
        String body = new String(bytes, bodyStart, (int) Math.min(wanted, bytes.length - bodyStart),
                StandardCharsets.UTF_8);
        return new UpgradeRefusal(status, reason(body, statusText));
    }

    /** How the SDK reports it: the status and the hub's reason. */
    String describe() {
        return "the hub refused the connection (HTTP " + status + "): " + message;
    }

    private static long contentLength(String headers) {
        for (String header : headers.split("\r\n")) {
            int colon = header.indexOf(':');
            if (colon > 0 && header.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                try {
                    return Long.parseLong(header.substring(colon + 1).trim());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static String reason(String body, String statusText) {
        try {
            JsonNode tree = FrameCodec.DEFAULT.mapper().readTree(body);
            JsonNode message = tree == null ? null : tree.get("message");
            if (message != null && message.isString() && !message.asString().isBlank()) {
                return message.asString();
            }
        } catch (JacksonException e) {
            // Not the hub's JSON (a proxy's page): the status line is all there is to say.
        }
        return statusText.isBlank() ? "no reason given" : statusText;
    }
}
