package dev.roadie.voice.dave;

import dev.roadie.voice.media.EndToEnd;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The DAVE side of one voice connection. The gateway client hands it DAVE's opcodes as they
 * arrive and sends whatever it answers through {@link DaveReplies}; the media path encrypts and
 * decrypts frames through {@link #frames()}. One instance per connection; the gateway calls it
 * from one thread at a time.
 */
public interface DaveHandler {

    /** Sent in identify as {@code max_dave_protocol_version}; 0 means this client has no DAVE. */
    int maxProtocolVersion();

    /**
     * The session has started: {@code select_protocol_ack} (op 4) named this DAVE protocol
     * version (0: transport encryption only), for this user in this channel.
     */
    void onSessionStarted(int protocolVersion, long userId, long channelId, DaveReplies replies);

    /** Users now in the call besides this one (from ops 11 and 13), which proposals are checked against. */
    void onUsersChanged(Set<Long> connectedUserIds);

    /** A JSON DAVE opcode from the gateway: 21, 22, 24. */
    void onJson(int op, JsonNode data, DaveReplies replies);

    /**
     * A binary DAVE opcode from the gateway: 25, 27, 29, 30. {@code payload} is what follows
     * the sequence number and opcode bytes.
     */
    void onBinary(int op, byte[] payload, DaveReplies replies);

    /** What the media path runs frames through; changes behind the same object as epochs pass. */
    EndToEnd frames();
}
