package dev.roadie.hub.socket;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.roadie.hub.auth.FailedTokenChecks;
import dev.roadie.hub.auth.Principal;
import dev.roadie.hub.context.HubContext;
import dev.roadie.hub.session.ClientSession;
import dev.roadie.hub.testing.HubExtension;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.CloseCode;
import dev.roadie.model.wire.ErrorFrame;
import dev.roadie.model.wire.Frame;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Goodbye;
import dev.roadie.model.wire.Welcome;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * The hello is the one frame the hub reads from a client that has not proven who it is.
 *
 * <p>Invariant: for any first frame (and any {@code Authorization} header token),
 * {@link Handshake#accept} does not throw, which would close the socket with 1011, and ends in
 * one of two ways: a session whose first frame to the client is its welcome, or a closed
 * connection that was first sent an error frame or a goodbye saying why. A session opened with
 * a service's token (not an admin's) is that service, whatever identity the hello claims.
 *
 * <p>A real hub runs in-process (its tokens, sessions, metrics and limits are the ones a
 * running hub uses); only the Jetty socket is a stand-in that records what is sent, so each
 * input costs microseconds instead of a WebSocket connection. Each input is the first frame;
 * an optional first line {@code Bearer TOKEN} is the header token. {@code $ADMIN}, {@code $BOT}
 * and {@code $NODE} stand for valid tokens (admin, music-bot/eu-1, audio-node/ams-3) and
 * {@code $SESSION} for the id of a live session of music-bot/eu-1, so that inputs reach past
 * the token check. Corpus: {@code HandshakeFuzzTestInputs/}.
 */
class HandshakeFuzzTest {
    private static final String REMOTE_ADDRESS = "198.51.100.7";

    // Every hello is welcome at fuzzing speed, and so is every wrong token: the throttles are
    // tested in HandshakeTest, HelloFairnessTest and FailedTokenThrottleTest.
    @RegisterExtension
    static final HubExtension hub = HubExtension.with(Map.of("sessions.hellosPerSecond", "1000000000",
            "sessions.helloBurst", "1000000000",
            "sessions.hellosPerSecondPerToken", "1000000000", "sessions.helloBurstPerToken", "1000000000",
            "sessions.hellosPerSecondPerAddress", "1000000000", "sessions.helloBurstPerAddress", "1000000000"));
    private static Handshake handshake;
    private static Map<String, String> tokens;

    @BeforeAll
    static void start() {
        // Each input opens or refuses a session, and both are logged at info: millions of lines.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("dev.roadie.hub")).setLevel(Level.WARN);
        HubContext context = hub.hub().context();
        handshake = new Handshake(context,
                new FailedTokenChecks(Integer.MAX_VALUE, Duration.ofMillis(1), Duration.ofMillis(1), context.audit()));
        tokens = Map.of("$ADMIN", hub.adminToken(),
                "$BOT", hub.token("eu-1", "music-bot", "send:audio-node", "subscribe:registry"),
                "$NODE", hub.token("ams-3", "audio-node", "announce:audio-node"));
    }

    @FuzzTest(maxDuration = "15s")
    // Words of the format for the fuzzer to splice in; none holds a newline, which Jazzer cannot pass on.
    @DictionaryEntries({"{\"type\":\"hello\"", "\"token\":\"$BOT\"", "\"token\":\"$ADMIN\"", "\"kind\":",
        "\"name\":", "\"protocol\":", "\"resume\":{\"session\":\"$SESSION\",\"lastSeq\":", "\"client\":",
        "Bearer $NODE"})
    void any_first_frame_opens_a_session_or_is_refused_with_a_reason(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        String headerToken = null;
        if (text.startsWith("Bearer ")) {
            int end = text.indexOf('\n');
            headerToken = withTokens(end < 0 ? text.substring(7) : text.substring(7, end));
            text = end < 0 ? "" : text.substring(end + 1);
        }
        List<ClientSession> opened = new ArrayList<>();
        if (text.contains("$SESSION")) {
            ClientSession live = open("{\"type\":\"hello\",\"token\":\"" + tokens.get("$BOT") + "\"}");
            opened.add(live);
            text = text.replace("$SESSION", live.id());
        }
        RecordingSocket socket = new RecordingSocket();
        Connection connection = new Connection(socket.proxy(), REMOTE_ADDRESS, System.nanoTime(), headerToken);

        try {
            Optional<ClientSession> session = handshake.accept(connection, withTokens(text));
            session.ifPresent(opened::add);

            if (session.isPresent()) {
                assertThat(socket.closed).as("the socket of a new session").isFalse();
                assertThat(socket.sent).as("frames sent to a new session").isNotEmpty();
                assertThat(FrameCodec.DEFAULT.decode(socket.sent.getFirst())).isInstanceOf(Welcome.class);
                Principal who = session.get().principal();
                if (!who.isAdmin()) {
                    assertThat(session.get().identity()).as("the identity of a session opened with a service's token")
                            .isEqualTo(new ServiceId(who.kind(), who.name()));
                }
            } else {
                assertThat(socket.closed).as("the socket of a refused hello is closed").isTrue();
                assertThat(socket.sentBeforeClose).as("a refused hello is told why").isNotEmpty();
                Frame why = FrameCodec.DEFAULT.decode(socket.sentBeforeClose.getFirst());
                assertThat(why).isInstanceOfAny(ErrorFrame.class, Goodbye.class);
                if (why instanceof ErrorFrame error) {
                    assertThat(error.code()).isNotNull();
                    assertThat(error.message()).isNotBlank();
                }
            }
        } finally {
            // Each input starts from the same hub: no session of one input is resumed by the next.
            opened.forEach(s -> s.end(CloseCode.GOING_AWAY, "the next fuzz input"));
        }
    }

    private static ClientSession open(String hello) {
        RecordingSocket socket = new RecordingSocket();
        return handshake.accept(new Connection(socket.proxy(), REMOTE_ADDRESS, System.nanoTime(), null), hello)
                .orElseThrow(() -> new AssertionError("a valid hello was refused: " + socket.sent));
    }

    private static String withTokens(String text) {
        String replaced = text;
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            replaced = replaced.replace(token.getKey(), token.getValue());
        }
        return replaced;
    }

    /** A Jetty socket that records what is sent and whether it was closed; every send succeeds at once. */
    private static final class RecordingSocket {
        final List<String> sent = new ArrayList<>();
        List<String> sentBeforeClose = List.of();
        boolean closed;

        Session proxy() {
            return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                    (self, method, args) -> switch (method.getName()) {
                        case "sendText" -> {
                            sent.add((String) args[0]);
                            ((Callback) args[1]).succeed();
                            yield null;
                        }
                        case "close" -> {
                            if (!closed) {
                                closed = true;
                                sentBeforeClose = List.copyOf(sent);
                            }
                            if (args != null && args.length == 3 && args[2] instanceof Callback callback) {
                                callback.succeed();
                            }
                            yield null;
                        }
                        case "isOpen" -> !closed;
                        case "hashCode" -> System.identityHashCode(self);
                        case "equals" -> self == args[0];
                        case "toString" -> "a recording socket";
                        default -> defaultValue(method.getReturnType());
                    });
        }

        private static Object defaultValue(Class<?> type) {
            if (type == boolean.class) {
                return false;
            }
            if (type == int.class || type == long.class) {
                return type == int.class ? (Object) 0 : (Object) 0L;
            }
            return null;
        }
    }
}
