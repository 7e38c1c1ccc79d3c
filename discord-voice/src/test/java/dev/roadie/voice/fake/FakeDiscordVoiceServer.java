package dev.roadie.voice.fake;

import dev.roadie.voice.dave.DaveReplies;
import dev.roadie.voice.dave.DaveWire;
import dev.roadie.voice.media.TransportMode;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A Discord voice server on loopback: the voice gateway ({@link FakeVoiceGateway}) and its UDP
 * side ({@link FakeVoiceUdp}) joined the way Discord's are: ready names the UDP address, and the
 * mode the client selects with the key session description gives is what the UDP side decrypts
 * with. Started {@link #startWithDave with DAVE}, it also plays the gateway's DAVE role
 * ({@link FakeDaveGateway}) for the bot and for other users ({@link FakeDaveUser}) it runs in
 * process. Tests talk to each part for what they check.
 *
 * <p>Everything DAVE on the server side runs on one thread ({@code fake-dave}), in the order it
 * was sent, as Discord's gateway handles one call: the socket threads only hand over to it.
 */
public final class FakeDiscordVoiceServer implements AutoCloseable {

    private final FakeVoiceUdp udp;
    private final FakeVoiceGateway gateway;
    private final ExecutorService daveThread = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("fake-dave").daemon().factory());
    private final Map<Long, FakeDaveUser> daveUsers = new ConcurrentHashMap<>();
    private FakeDaveGateway dave;
    private long botUserId;
    private long channelId;
    private volatile boolean usersWithholdCommits;

    private FakeDiscordVoiceServer(FakeVoiceUdp udp, FakeVoiceGateway gateway) {
        this.udp = udp;
        this.gateway = gateway;
    }

    /**
     * A server whose calls are end-to-end encrypted: session description names DAVE protocol
     * version 1, then the bot gets the external sender (op 25) and the group forms as users join.
     */
    public static FakeDiscordVoiceServer startWithDave(int clientSsrc, long botUserId, long channelId) throws IOException {
        FakeDiscordVoiceServer server = start(clientSsrc);
        server.botUserId = botUserId;
        server.channelId = channelId;
        server.dave = new FakeDaveGateway(channelId, server.new DaveOutbox());
        server.gateway.daveProtocolVersion(1);
        server.gateway.afterSessionDescription(() -> server.onDaveThread(() -> server.dave.connect(botUserId)));
        server.gateway.onClientMessages(
                (op, d) -> {
                    if (op == 23 || op == 31) {
                        int transition = d.path("transition_id").asInt();
                        server.onDaveThread(() -> server.dave.onJson(botUserId, op, Map.of("transition_id", transition)));
                    }
                },
                (op, payload) -> server.onDaveThread(() -> server.dave.onBinary(botUserId, op, payload)));
        return server;
    }

    /**
     * The in-process DAVE users' commits (op 28) are dropped before the gateway sees them, as if
     * their clients were slow or failing: a group then forms only if the bot commits it.
     */
    public FakeDiscordVoiceServer usersWithholdCommits() {
        usersWithholdCommits = true;
        return this;
    }

    /** The gateway's DAVE role, to read the group as it follows it (epoch, members). */
    public FakeDaveGateway dave() {
        return dave;
    }

    /**
     * A DAVE user joins the call: the bot is told (op 11), the user's session starts and gets the
     * external sender; the group then adds it. Its SSRC carries its audio, end-to-end encrypted
     * with its keys, and the bot's audio is decrypted with them.
     */
    public FakeDaveUser daveUserJoins(long userId, int ssrc) {
        FakeDaveUser user = new FakeDaveUser(userId, channelId);
        daveUsers.put(userId, user);
        gateway.usersJoin(userId);
        gateway.speaking(userId, ssrc, 1);
        udp.mapUser(ssrc, userId);
        udp.mapUser(gateway.ssrc(), botUserId);
        udp.useEndToEnd(user.frames());
        onDaveThread(() -> {
            // Everyone already in the call hears of the newcomer (op 11) before its add is proposed.
            daveUsers.values().stream().filter(other -> other != user)
                    .forEach(other -> other.usersChanged(othersThan(other.userId())));
            user.start(othersThan(userId), repliesOf(userId));
            dave.connect(userId);
        });
        return user;
    }

    /** Streams a tone as a user, {@code frames} Opus frames, encrypted end to end if that user speaks DAVE. */
    public FakeVoiceUdp.ToneStream streamTone(int ssrc, double frequencyHz, int frames) {
        return udp.streamTone(ssrc, frequencyHz, frames, StreamPlan.clean());
    }

    private Set<Long> othersThan(long userId) {
        Set<Long> others = new HashSet<>(daveUsers.keySet());
        others.add(botUserId);
        others.remove(userId);
        return others;
    }

    private void onDaveThread(Runnable task) {
        daveThread.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(FakeDiscordVoiceServer.class).error("the fake's DAVE role failed", e);
                throw e;
            }
        });
    }

    private DaveReplies repliesOf(long userId) {
        return new DaveReplies() {
            @Override
            public void sendJson(int op, Map<String, Object> data) {
                onDaveThread(() -> dave.onJson(userId, op, data));
            }

            @Override
            public void sendBinary(int op, byte[] payload) {
                if (op == DaveWire.COMMIT_WELCOME && usersWithholdCommits) {
                    return;
                }
                onDaveThread(() -> dave.onBinary(userId, op, payload));
            }
        };
    }

    /** Where the DAVE role's messages go: the bot over the gateway socket, in-process users directly. */
    private final class DaveOutbox implements FakeDaveGateway.Outbox {
        @Override
        public void sendBinary(long userId, int op, byte[] payload) {
            if (userId == botUserId) {
                gateway.sendBinary(op, payload);
            } else {
                FakeDaveUser user = daveUsers.get(userId);
                if (user != null) {
                    onDaveThread(() -> user.onBinary(op, payload, repliesOf(userId)));
                }
            }
        }

        @Override
        public void sendJson(long userId, int op, Map<String, Object> data) {
            if (userId == botUserId) {
                gateway.sendJson(op, data);
            } else {
                FakeDaveUser user = daveUsers.get(userId);
                if (user != null) {
                    onDaveThread(() -> user.onJson(op, data, repliesOf(userId)));
                }
            }
        }
    }

    /** Starts both halves on loopback, port 0; the client gets this SSRC in ready. */
    public static FakeDiscordVoiceServer start(int clientSsrc) throws IOException {
        FakeVoiceUdp udp = FakeVoiceUdp.start();
        FakeVoiceGateway gateway = new FakeVoiceGateway()
                .heartbeatInterval(13_750) // what Discord sends
                .ssrc(clientSsrc)
                .udp(udp.address().getHostString(), udp.address().getPort());
        gateway.onSelectProtocol(data -> udp.useSession(
                TransportMode.fromWireName(data.path("mode").asString()).orElseThrow(() ->
                        new IllegalStateException("the client selected " + data.path("mode") + ", which the fake does not speak")),
                gateway.secretKey()));
        return new FakeDiscordVoiceServer(udp, gateway);
    }

    /** What VOICE_SERVER_UPDATE's {@code endpoint} would be. */
    public String endpoint() {
        return gateway.endpoint();
    }

    public FakeVoiceGateway gateway() {
        return gateway;
    }

    public FakeVoiceUdp udp() {
        return udp;
    }

    /** The client's packets, decrypted. */
    public Recording clientAudio() {
        return udp.recording(gateway.ssrc());
    }

    /**
     * Another user joins the call (op 11), says speaking with their SSRC (op 5), and streams a
     * tone from it.
     */
    public FakeVoiceUdp.ToneStream userStreamsTone(long userId, int ssrc, double frequencyHz, int frames) {
        gateway.usersJoin(userId);
        gateway.speaking(userId, ssrc, 1);
        udp.mapUser(ssrc, userId);
        return udp.streamTone(ssrc, frequencyHz, frames, StreamPlan.clean());
    }

    /** Offers the client only these transport modes in ready. */
    public FakeDiscordVoiceServer modes(List<String> modes) {
        gateway.modes(modes);
        return this;
    }

    @Override
    public void close() throws InterruptedException {
        gateway.close();
        udp.close();
        daveThread.shutdown();
        daveThread.awaitTermination(5, TimeUnit.SECONDS);
    }
}
