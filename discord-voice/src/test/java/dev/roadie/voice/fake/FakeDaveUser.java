package dev.roadie.voice.fake;

import dev.roadie.voice.dave.DaveReplies;
import dev.roadie.voice.dave.DaveSession;
import dev.roadie.voice.dave.frame.DaveFrames;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Another user in the fake call who speaks DAVE: a {@link DaveSession} the fake server drives
 * directly (not over a socket), so that its frames can be encrypted for the bot and the bot's
 * decrypted. Called only on the fake server's DAVE thread.
 */
public final class FakeDaveUser {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final long userId;
    private final long channelId;
    private final DaveSession session = new DaveSession();

    FakeDaveUser(long userId, long channelId) {
        this.userId = userId;
        this.channelId = channelId;
    }

    public long userId() {
        return userId;
    }

    /** Its end-to-end layer: what its frames are encrypted and the bot's decrypted with. */
    public DaveFrames frames() {
        return session.frames();
    }

    /** The MLS epoch its group is at (0 while pending). */
    public long epoch() {
        return session.epoch();
    }

    /** The call's privacy code as this user's client would show it; null while pending. */
    public String privacyCode() {
        return session.privacyCode();
    }

    void start(Set<Long> othersInCall, DaveReplies replies) {
        session.onUsersChanged(othersInCall);
        session.onSessionStarted(1, userId, channelId, replies);
    }

    void usersChanged(Set<Long> othersInCall) {
        session.onUsersChanged(othersInCall);
    }

    void onBinary(int op, byte[] payload, DaveReplies replies) {
        session.onBinary(op, payload, replies);
    }

    void onJson(int op, Map<String, Object> data, DaveReplies replies) {
        session.onJson(op, JSON.valueToTree(data), replies);
    }
}
