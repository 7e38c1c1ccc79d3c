package dev.roadie.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.client.testing.Clients;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Hello;
import dev.roadie.model.wire.Welcome;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the client does when the hub says another connection took over its identity (4010).
 * The hub here is scripted, because the race it stands for (a given-up hello reaching a slow hub
 * after the next one) cannot be ordered on a real hub.
 */
class ReplacedTest {
    private final Clients clients = new Clients();
    private ScriptedHub hub;

    @AfterEach
    void stop() throws Exception {
        clients.close();
        if (hub != null) {
            hub.stop(1_000);
        }
    }

    @Test
    void a_client_replaced_by_another_connection_stops() throws Exception {
        hub = ScriptedHub.start(attempt -> attempt == 1 ? Script.WELCOME_THEN_REPLACED : Script.WELCOME);
        RoadieClient client = clients.create(options().build());

        await().atMost(Clients.WAIT).until(() -> client.state() == ConnectionState.FAILED);
        assertThat(hub.attempts()).isEqualTo(1);
    }

    @Test
    void a_client_replaced_by_the_late_hello_of_an_attempt_it_gave_up_connects_again() throws Exception {
        hub = ScriptedHub.start(attempt -> switch (attempt) {
            case 1 -> Script.SILENT;
            case 2 -> Script.WELCOME_THEN_REPLACED;
            default -> Script.WELCOME;
        });
        RoadieClient client = clients.create(options().connectTimeout(Duration.ofMillis(500)).build());

        await().atMost(Clients.WAIT).until(() -> hub.attempts() == 3 && client.state() == ConnectionState.CONNECTED);
        assertThat(client.state()).isNotEqualTo(ConnectionState.FAILED);
    }

    private ClientOptions.Builder options() {
        return Clients.base("token").hub("ws://127.0.0.1:" + hub.getPort() + "/ws").clientName("replaced");
    }

    /** What the scripted hub does with the hello of one connection. */
    private enum Script {
        /** Never answers: the client gives the attempt up. */
        SILENT,
        WELCOME,
        /** Welcomes, then closes with 4010 as when a newer connection took over the identity. */
        WELCOME_THEN_REPLACED
    }

    private static final class ScriptedHub extends WebSocketServer {
        private static final Logger log = LoggerFactory.getLogger(ScriptedHub.class);
        private final IntFunction<Script> script;
        private final AtomicInteger attempts = new AtomicInteger();
        private final CountDownLatch started = new CountDownLatch(1);

        private ScriptedHub(IntFunction<Script> script) {
            super(new InetSocketAddress("127.0.0.1", 0));
            this.script = script;
            setReuseAddr(true);
        }

        static ScriptedHub start(IntFunction<Script> script) throws InterruptedException {
            ScriptedHub hub = new ScriptedHub(script);
            hub.start();
            hub.started.await();
            return hub;
        }

        int attempts() {
            return attempts.get();
        }

        @Override
        public void onMessage(WebSocket conn, String text) {
            if (!(FrameCodec.DEFAULT.decode(text) instanceof Hello)) {
                return;
            }
            Script what = script.apply(attempts.incrementAndGet());
            if (what == Script.SILENT) {
                return;
            }
            conn.send(FrameCodec.DEFAULT.encode(new Welcome("session-" + attempts.get(), "epoch-1", 60_000, false, 0,
                    new Welcome.Identity("web", "replaced", List.of()), new Welcome.Limits(1 << 20, 1_000, 16, 60_000))));
            if (what == Script.WELCOME_THEN_REPLACED) {
                conn.close(4010, "replaced by a newer connection");
            }
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onError(WebSocket conn, Exception e) {
            log.warn("The scripted hub failed on {}", conn, e);
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }
}
