package dev.roadie.voice.gateway;

import dev.roadie.voice.dave.DaveHandler;
import dev.roadie.voice.dave.DaveReplies;
import dev.roadie.voice.dave.DaveWire;
import dev.roadie.voice.media.EndToEnd;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;

/**
 * A DAVE handler that records the opcodes handed to it and answers some, to check the gateway's
 * routing both ways: the external sender (25) is answered with a key package (26), an announced
 * commit (29) with a commit (28), the welcome (30) with invalid commit/welcome (31, JSON),
 * execute transition (22) with transition ready (23).
 */
class RecordingDave implements DaveHandler {

    final List<String> seen = new CopyOnWriteArrayList<>();
    final List<String> started = new CopyOnWriteArrayList<>();
    final List<Set<Long>> users = new CopyOnWriteArrayList<>();
    private final int maxVersion;

    RecordingDave(int maxVersion) {
        this.maxVersion = maxVersion;
    }

    @Override
    public int maxProtocolVersion() {
        return maxVersion;
    }

    @Override
    public void onSessionStarted(int protocolVersion, long userId, long channelId, DaveReplies replies) {
        started.add("version " + protocolVersion + " user " + userId + " channel " + channelId);
    }

    @Override
    public void onUsersChanged(Set<Long> connectedUserIds) {
        users.add(connectedUserIds);
    }

    @Override
    public void onJson(int op, JsonNode data, DaveReplies replies) {
        if (op == DaveWire.PREPARE_EPOCH) {
            seen.add("json " + op + " epoch=" + data.path("epoch").asInt());
        } else {
            seen.add("json " + op + " transition_id=" + data.path("transition_id").asInt());
        }
        if (op == DaveWire.EXECUTE_TRANSITION) {
            replies.sendJson(DaveWire.READY_FOR_TRANSITION, Map.of("transition_id", data.path("transition_id").asInt()));
        }
    }

    @Override
    public void onBinary(int op, byte[] payload, DaveReplies replies) {
        seen.add("binary " + op + " " + Arrays.toString(payload));
        switch (op) {
            case DaveWire.EXTERNAL_SENDER_PACKAGE -> replies.sendBinary(DaveWire.KEY_PACKAGE, payload);
            case DaveWire.ANNOUNCE_COMMIT_TRANSITION -> replies.sendBinary(DaveWire.COMMIT_WELCOME, payload);
            case DaveWire.WELCOME -> replies.sendJson(DaveWire.INVALID_COMMIT_WELCOME, Map.of("transition_id", 9));
            default -> {
            }
        }
    }

    @Override
    public EndToEnd frames() {
        return EndToEnd.NONE;
    }
}
