package dev.roadie.audio.voice;

import dev.roadie.voice.VoiceConnection;
import dev.roadie.voice.VoiceListener;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One player's voice connection, for one {@link VoiceState}: a new state gets a new link. When the
 * connection gives up (removed from the channel, the voice server gone), the player's client gets
 * {@code WebSocketClosedEvent} with the close code, as from Lavalink, and the player stays for the
 * client to give a new voice state or destroy it.
 */
public final class VoiceLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VoiceLink.class);

    private final VoiceState state;
    private final Set<VoiceLink> openLinks;
    private volatile VoiceConnection connection;
    private volatile boolean connected;
    private volatile boolean closed;

    VoiceLink(VoiceState state, Set<VoiceLink> openLinks) {
        this.state = state;
        this.openLinks = openLinks;
        openLinks.add(this);
    }

    void attach(VoiceConnection connection) {
        this.connection = connection;
        if (closed) {
            // It gave up before connect() returned.
            connection.close();
        }
    }

    /** The state this link was opened for. */
    public VoiceState state() {
        return state;
    }

    /** Whether audio flows (Lavalink's {@code state.connected}). */
    public boolean connected() {
        return connected;
    }

    /**
     * The voice gateway's heartbeat round trip in ms (Lavalink's {@code state.ping}); -1 when audio
     * does not flow.
     */
    public long ping() {
        VoiceConnection current = connection;
        return current == null || !connected ? -1 : current.ping();
    }

    @Override
    public void close() {
        closed = true;
        connected = false;
        VoiceConnection current = connection;
        if (current != null) {
            current.close();
        }
        openLinks.remove(this);
    }

    /** The connection's events, told to the player's client. */
    static final class Events implements VoiceListener {
        private final VoiceLink link;
        private final String guildId;
        private final JsonMapper json;
        private final Consumer<ObjectNode> events;

        Events(VoiceLink link, String guildId, JsonMapper json, Consumer<ObjectNode> events) {
            this.link = link;
            this.guildId = guildId;
            this.json = json;
            this.events = events;
        }

        @Override
        public void onConnected() {
            link.connected = true;
        }

        @Override
        public void onReconnecting(String reason) {
            link.connected = false;
            LOG.info("Guild {}: the voice connection is coming back ({})", guildId, reason);
        }

        @Override
        public void onDisconnected(int closeCode, String reason) {
            LOG.info("Guild {}: the voice connection ended with {}: {}", guildId, closeCode, reason);
            ObjectNode event = json.createObjectNode();
            event.put("op", "event");
            event.put("type", "WebSocketClosedEvent");
            event.put("guildId", guildId);
            event.put("code", closeCode);
            event.put("reason", reason);
            // Discord's codes are 4000 and up; 1000 and 1006 here mean this side gave up (UDP could
            // not be set up, or reconnecting failed).
            event.put("byRemote", closeCode >= 4000);
            link.close();
            events.accept(event);
        }
    }
}
