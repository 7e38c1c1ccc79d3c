package dev.roadie.voice.gateway;

import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;

/**
 * The JDK WebSocket's callbacks for one socket, turned into whole messages: the JDK may hand a
 * message over in parts, the voice gateway's JSON and binary frames are read whole.
 */
final class WholeMessages implements WebSocket.Listener {

    /** What one socket says, message by message, on the JDK's thread. */
    interface Events {
        void opened(WebSocket socket);

        void text(String message);

        void binary(byte[] message);

        void closed(int code, String reason);

        void failed(Throwable error);
    }

    private final Events events;
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

    WholeMessages(Events events) {
        this.events = events;
    }

    @Override
    public void onOpen(WebSocket ws) {
        events.opened(ws);
        ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            String message = text.toString();
            text.setLength(0);
            events.text(message);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        binary.writeBytes(chunk);
        if (last) {
            byte[] message = binary.toByteArray();
            binary.reset();
            events.binary(message);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
        // Returning null lets the JDK answer the close frame at once.
        events.closed(code, reason);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        events.failed(error);
    }
}
