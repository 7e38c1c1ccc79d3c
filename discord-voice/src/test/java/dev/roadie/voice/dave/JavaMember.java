package dev.roadie.voice.dave;

import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/** A {@link DaveSession} in a {@link LocalDaveCall}, as the gateway client would drive it. */
final class JavaMember implements CallMember {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final DaveSession session = new DaveSession();
    private final long userId;
    private final long channelId;

    JavaMember(long userId, long channelId) {
        this.userId = userId;
        this.channelId = channelId;
    }

    @Override
    public long userId() {
        return userId;
    }

    @Override
    public void start(Set<Long> othersInCall, DaveReplies replies) {
        session.onUsersChanged(othersInCall);
        session.onSessionStarted(DaveMlsParameters.PROTOCOL_VERSION, userId, channelId, replies);
    }

    @Override
    public void usersChanged(Set<Long> othersInCall) {
        session.onUsersChanged(othersInCall);
    }

    @Override
    public void onBinary(int op, byte[] payload, DaveReplies replies) {
        session.onBinary(op, payload, replies);
    }

    @Override
    public void onJson(int op, Map<String, Object> data, DaveReplies replies) {
        session.onJson(op, JSON.valueToTree(data), replies);
    }

    @Override
    public byte[] epochAuthenticator() {
        return session.epochAuthenticator();
    }

    @Override
    public long epoch() {
        return session.epoch();
    }
}
