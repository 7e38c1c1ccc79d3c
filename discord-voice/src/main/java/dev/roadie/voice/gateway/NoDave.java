package dev.roadie.voice.gateway;

import dev.roadie.voice.dave.DaveHandler;
import dev.roadie.voice.dave.DaveReplies;
import dev.roadie.voice.media.EndToEnd;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A client without DAVE: identifies with {@code max_dave_protocol_version} 0 and passes frames as
 * they are. A channel that requires DAVE closes such a client with 4017.
 */
public final class NoDave implements DaveHandler {

    private static final Logger log = LoggerFactory.getLogger(NoDave.class);

    @Override
    public int maxProtocolVersion() {
        return 0;
    }

    @Override
    public void onSessionStarted(int protocolVersion, long userId, long channelId, DaveReplies replies) {
    }

    @Override
    public void onUsersChanged(Set<Long> connectedUserIds) {
    }

    @Override
    public void onJson(int op, JsonNode data, DaveReplies replies) {
        log.debug("DAVE opcode {} ignored: this connection has no DAVE", op);
    }

    @Override
    public void onBinary(int op, byte[] payload, DaveReplies replies) {
        log.debug("DAVE opcode {} ignored: this connection has no DAVE", op);
    }

    @Override
    public EndToEnd frames() {
        return EndToEnd.NONE;
    }
}
