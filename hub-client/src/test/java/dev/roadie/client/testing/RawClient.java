package dev.roadie.client.testing;

import dev.roadie.model.wire.Frame;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Hello;
import dev.roadie.model.wire.Welcome;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/** A hand-driven protocol client, for frames the SDK would never send (the same message id twice). */
public final class RawClient extends WebSocketClient implements AutoCloseable {
    private final BlockingQueue<Frame> inbox = new LinkedBlockingQueue<>();

    private RawClient(URI uri) {
        super(uri);
        setConnectionLostTimeout(0);
    }

    /** Connects and says hello; returns once welcomed. */
    public static RawClient welcomed(LiveHub hub, String token) throws Exception {
        RawClient client = new RawClient(hub.uri());
        if (!client.connectBlocking(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no socket to the hub");
        }
        client.send(new Hello(token, null, null, null, Hello.PROTOCOL_VERSION, "raw-test"));
        Frame first = client.inbox.poll(10, TimeUnit.SECONDS);
        if (!(first instanceof Welcome)) {
            throw new IllegalStateException("expected a welcome, got " + first);
        }
        return client;
    }

    public void send(Frame frame) {
        send(FrameCodec.DEFAULT.encode(frame));
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
    }

    @Override
    public void onMessage(String text) {
        inbox.add(FrameCodec.DEFAULT.decode(text));
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
    }

    @Override
    public void onError(Exception e) {
        // The test fails on what it expects; nothing to add here.
    }
}
