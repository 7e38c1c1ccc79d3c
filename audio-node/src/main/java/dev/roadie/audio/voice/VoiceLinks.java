package dev.roadie.audio.voice;

import com.sedmelluq.discord.lavaplayer.track.playback.AudioFrame;
import dev.roadie.voice.VoiceConnection;
import dev.roadie.voice.VoiceSession;
import dev.roadie.voice.dave.DaveSession;
import dev.roadie.voice.gateway.GatewayOptions;
import dev.roadie.voice.media.OpusFrameProvider;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Opens players' voice connections, and closes those still open when the node stops. */
public final class VoiceLinks {
    private static final Logger LOG = LoggerFactory.getLogger(VoiceLinks.class);

    private final FrameCounter counter;
    private final GatewayOptions gatewayOptions;
    private final JsonMapper json;
    private final Set<VoiceLink> open = ConcurrentHashMap.newKeySet();

    /** @param gatewayOptions how connections reconnect before they give up (and the client hears of it) */
    public VoiceLinks(FrameCounter counter, GatewayOptions gatewayOptions, JsonMapper json) {
        this.counter = counter;
        this.gatewayOptions = gatewayOptions;
        this.json = json;
    }

    /**
     * Connects {@code guildId}'s player to its voice channel. Once connected, the connection's
     * 20 ms clock pulls lavaplayer's frames as they are, Opus already, while {@code playing}; when
     * it is not (paused, nothing playing) the connection sends five silence frames and stops
     * speaking, as Discord asks. The call is end-to-end encrypted (DAVE) whenever the voice server
     * asks for it, as Discord's channels all do since 2026-03 (without it they refuse the bot with
     * 4017); Lavalink has no setting to turn it off, nor does the node.
     *
     * @param userId the bot's user id (the socket's {@code User-Id})
     * @param events where {@code WebSocketClosedEvent} goes: the player's session
     */
    public VoiceLink open(String guildId, String userId, VoiceState state, BooleanSupplier playing,
            Supplier<AudioFrame> frames, Consumer<ObjectNode> events) {
        VoiceSession session = new VoiceSession(state.endpoint(), state.token(), state.sessionId(),
                Snowflakes.parse("The guild id", guildId), Snowflakes.parse("User-Id", userId), state.channelId());
        if (state.channelId() == 0) {
            // DAVE names the call's MLS group after the channel; without it the connection's DaveSession
            // takes the group id from the voice gateway's first proposals (the Java lavalink-client 3.2.0
            // never sends voice.channelId).
            LOG.debug("Guild {}: no voice.channelId given; DAVE learns the group from the voice gateway", guildId);
        }
        VoiceLink link = new VoiceLink(state, open);
        OpusFrameProvider provider = () -> {
            if (!playing.getAsBoolean()) {
                return null;
            }
            AudioFrame frame = frames.get();
            counter.count(frame != null);
            return frame == null ? null : frame.getData();
        };
        link.attach(VoiceConnection.builder(session)
                .dave(new DaveSession())
                .frames(provider)
                .gatewayOptions(gatewayOptions)
                .listener(new VoiceLink.Events(link, guildId, json, events))
                .connect());
        return link;
    }

    /** Closes every link still open (the node is stopping). */
    public void closeAll() {
        open.forEach(VoiceLink::close);
    }
}
