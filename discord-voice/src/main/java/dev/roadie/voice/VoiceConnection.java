package dev.roadie.voice;

import dev.roadie.voice.dave.DaveHandler;
import dev.roadie.voice.gateway.GatewayListener;
import dev.roadie.voice.gateway.GatewayOptions;
import dev.roadie.voice.gateway.NoDave;
import dev.roadie.voice.gateway.Ready;
import dev.roadie.voice.gateway.SessionDescription;
import dev.roadie.voice.gateway.VoiceGatewayClient;
import dev.roadie.voice.media.MediaListener;
import dev.roadie.voice.media.MediaSession;
import dev.roadie.voice.media.OpusFrameProvider;
import dev.roadie.voice.media.QueuedFrames;
import dev.roadie.voice.media.ReceiveStats;
import dev.roadie.voice.media.TransportMode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bot's voice connection to one Discord voice channel: sends Opus and hears everyone else.
 *
 * <pre>{@code
 * VoiceConnection voice = VoiceConnection.builder(new VoiceSession(endpoint, token, sessionId, guildId, botId, channelId))
 *         .listener(new VoiceListener() {
 *             public void onPcm(long userId, short[] pcm) { ... }
 *         })
 *         .connect();
 * voice.send(new OpusFrame(opus));   // every 20 ms, or .frames(provider) to be pulled
 * voice.close();                     // leaving
 * }</pre>
 *
 * It follows the call through resumes and a later {@code VOICE_SERVER_UPDATE} ({@link #moveTo});
 * docs/DISCORD-VOICE.md describes the protocol.
 */
public final class VoiceConnection implements AutoCloseable {

    /** How long IP discovery may take before the connection gives up. */
    public static final Duration IP_DISCOVERY_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(VoiceConnection.class);

    private final VoiceListener listener;
    private final DaveHandler dave;
    private final OpusFrameProvider frames;
    private final QueuedFrames sendQueue;
    private final VoiceGatewayClient gateway;
    private final Map<Integer, Long> usersBySsrc = new ConcurrentHashMap<>();
    /** The UDP session, from ready on. */
    private volatile MediaSession media;
    /** The same once session description started it: only then can users be mapped and counts read. */
    private volatile MediaSession playing;

    private VoiceConnection(Builder builder) {
        this.listener = builder.listener;
        this.dave = builder.dave;
        this.sendQueue = builder.frames == null ? new QueuedFrames() : null;
        this.frames = builder.frames == null ? sendQueue : builder.frames;
        this.gateway = new VoiceGatewayClient(builder.session, dave, new GatewayEvents(), builder.gatewayOptions);
    }

    /** Starts building a connection for what the bot's main gateway gave it. */
    public static Builder builder(VoiceSession session) {
        return new Builder(session);
    }

    /**
     * Queues one 20 ms frame to send; frames go out every 20 ms in order. When nothing is queued
     * the sender sends five silence frames and sets speaking off. False when a second of audio
     * is already waiting (send no faster than real time).
     *
     * @throws IllegalStateException when this connection was built with its own {@code frames} provider
     */
    public boolean send(OpusFrame frame) {
        if (sendQueue == null) {
            throw new IllegalStateException("This connection pulls its audio from the frames provider given to the builder; give that provider the frame instead.");
        }
        return sendQueue.offer(frame.data());
    }

    /**
     * The main gateway sent a new {@code VOICE_SERVER_UPDATE} (the voice server changed, or the
     * bot was moved): connect there with its endpoint and token. The session id stays.
     */
    public void moveTo(String endpoint, String token) {
        gateway.moveTo(endpoint, token);
    }

    /** The users in the channel besides this bot. */
    public Set<Long> users() {
        return gateway.users();
    }

    /**
     * The voice gateway's heartbeat round trip in milliseconds (heartbeat to its ACK), what Lavalink
     * reports as a player's {@code ping}; -1 while reconnecting or before the first ACK.
     */
    public long ping() {
        return gateway.ping();
    }

    /** What the receiving side counted (packets, lost, late, undecryptable...), zeros before connected. */
    public ReceiveStats receiveStats() {
        MediaSession current = playing;
        return current == null ? new ReceiveStats(0, 0, 0, 0, 0, 0, 0) : current.receiveStats();
    }

    /** Leaves the channel's voice connection: closes the gateway socket and stops audio. */
    @Override
    public void close() {
        gateway.close();
        closeMedia();
    }

    private void closeMedia() {
        MediaSession current = media;
        media = null;
        playing = null;
        if (current != null) {
            current.close();
        }
    }

    /** The gateway's events, on its thread: drives the media session and tells the bot. */
    private final class GatewayEvents implements GatewayListener {

        @Override
        public void onReady(Ready ready) {
            // A new ready is a new session (first connect, 4009, moving): a new UDP socket.
            closeMedia();
            usersBySsrc.clear();
            try {
                TransportMode mode = TransportMode.pick(ready.modes());
                MediaSession session = MediaSession.open(new InetSocketAddress(ready.ip(), ready.port()), ready.ssrc());
                media = session;
                InetSocketAddress external = session.discoverExternalAddress(IP_DISCOVERY_TIMEOUT);
                gateway.selectProtocol(external.getHostString(), external.getPort(), mode.wireName());
            } catch (IOException | IllegalArgumentException e) {
                closeMedia();
                gateway.abandon("the voice connection could not set up UDP with the voice server at "
                        + ready.ip() + ":" + ready.port() + ": " + e.getMessage());
            }
        }

        @Override
        public void onSessionDescription(SessionDescription description) {
            MediaSession session = media;
            if (session == null) {
                log.warn("session description arrived without a UDP session open; ignored");
                return;
            }
            TransportMode mode = TransportMode.fromWireName(description.mode()).orElseThrow(() ->
                    new IllegalStateException("the voice server chose " + description.mode() + ", which this client did not select"));
            session.start(mode, description.secretKey(), dave.frames(), frames, new MediaEvents(session));
            playing = session;
            usersBySsrc.forEach(session::mapUser);
            listener.onConnected();
        }

        @Override
        public void onResumed() {
            listener.onConnected();
        }

        @Override
        public void onSpeaking(long userId, int ssrc, int speakingFlags) {
            // Kept for a media session that starts later (or anew after moving).
            usersBySsrc.put(ssrc, userId);
            MediaSession session = playing;
            if (session != null) {
                session.mapUser(ssrc, userId);
            }
            listener.onSpeaking(userId, speakingFlags != 0);
        }

        @Override
        public void onUsersJoined(Set<Long> userIds) {
            userIds.forEach(listener::onUserJoined);
        }

        @Override
        public void onUserLeft(long userId) {
            usersBySsrc.values().removeIf(id -> id == userId);
            MediaSession session = playing;
            if (session != null) {
                session.forgetUser(userId);
            }
            listener.onUserLeft(userId);
        }

        @Override
        public void onReconnecting(String reason) {
            listener.onReconnecting(reason);
        }

        @Override
        public void onDisconnected(int closeCode, String reason) {
            closeMedia();
            listener.onDisconnected(closeCode, reason);
        }
    }

    /** The media session's events: speaking on and off through the gateway, audio to the bot. */
    private final class MediaEvents implements MediaListener {
        private final MediaSession session;

        MediaEvents(MediaSession session) {
            this.session = session;
        }

        @Override
        public void onSendingStarted() {
            gateway.speaking(1, session.ssrc());
        }

        @Override
        public void onSendingStopped() {
            gateway.speaking(0, session.ssrc());
        }

        @Override
        public void onOpus(long userId, byte[] opusFrame) {
            listener.onOpus(userId, new OpusFrame(opusFrame));
        }

        @Override
        public void onPcm(long userId, short[] pcm) {
            listener.onPcm(userId, pcm);
        }

        @Override
        public void onMixed(short[] pcm) {
            listener.onMixed(pcm);
        }
    }

    /** What a connection needs: the session, and optionally a listener, DAVE and a frame source. */
    public static final class Builder {
        private final VoiceSession session;
        private VoiceListener listener = new VoiceListener() { };
        private DaveHandler dave = new NoDave();
        private OpusFrameProvider frames;
        private GatewayOptions gatewayOptions = GatewayOptions.DEFAULTS;

        private Builder(VoiceSession session) {
            this.session = Objects.requireNonNull(session, "session: what VOICE_SERVER_UPDATE and VOICE_STATE_UPDATE gave");
        }

        /** Who hears the connection's events and audio. */
        public Builder listener(VoiceListener listener) {
            this.listener = Objects.requireNonNull(listener);
            return this;
        }

        /** End-to-end encryption (DAVE); without it the connection has none and DAVE-only channels refuse it (4017). */
        public Builder dave(DaveHandler dave) {
            this.dave = Objects.requireNonNull(dave);
            return this;
        }

        /** Where to pull audio from every 20 ms, instead of {@link VoiceConnection#send}. */
        public Builder frames(OpusFrameProvider frames) {
            this.frames = Objects.requireNonNull(frames);
            return this;
        }

        /** How the voice gateway reconnects; {@link GatewayOptions#DEFAULTS} otherwise. */
        public Builder gatewayOptions(GatewayOptions options) {
            this.gatewayOptions = Objects.requireNonNull(options);
            return this;
        }

        /** Opens the voice gateway; {@link VoiceListener#onConnected()} says when audio flows. */
        public VoiceConnection connect() {
            VoiceConnection connection = new VoiceConnection(this);
            connection.gateway.connect();
            return connection;
        }
    }
}
