package dev.roadie.voice.gateway;

import dev.roadie.voice.VoiceSession;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code d} of each JSON message the client sends, as Discord's voice docs (v8) give them. */
final class ClientMessages {

    /** Op 0: who this is, and the DAVE version it speaks at most. */
    static Map<String, Object> identify(VoiceSession session, int maxDaveProtocolVersion) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("server_id", Long.toString(session.guildId()));
        d.put("user_id", Long.toString(session.userId()));
        d.put("session_id", session.sessionId());
        d.put("token", session.token());
        d.put("max_dave_protocol_version", maxDaveProtocolVersion);
        return d;
    }

    /** Op 7: the same session, and the last numbered message seen (-1: none). */
    static Map<String, Object> resume(VoiceSession session, int seqAck) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("server_id", Long.toString(session.guildId()));
        d.put("session_id", session.sessionId());
        d.put("token", session.token());
        d.put("seq_ack", seqAck);
        return d;
    }

    /** Op 3 since v8: a nonce (the time) and the last numbered message seen. */
    static Map<String, Object> heartbeat(long nonce, int seqAck) {
        return Map.of("t", nonce, "seq_ack", seqAck);
    }

    /** Op 1: UDP at the address IP discovery found, in the mode chosen. */
    static Map<String, Object> selectProtocol(String address, int port, String mode) {
        return Map.of("protocol", "udp", "data", Map.of("address", address, "port", port, "mode", mode));
    }

    /** Op 5: speaking flags (1 microphone, 0 stopped) for this client's SSRC; bots send delay 0. */
    static Map<String, Object> speaking(int flags, int ssrc) {
        return Map.of("speaking", flags, "delay", 0, "ssrc", ssrc);
    }

    private ClientMessages() {
    }
}
