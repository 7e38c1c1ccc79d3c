package dev.roadie.voice.dave;

import java.util.Map;
import java.util.Set;

/** One client in a {@link LocalDaveCall}: a Java {@link DaveSession} or davey in Node. */
interface CallMember {

    long userId();

    /** select_protocol_ack with DAVE version 1, with the users already in the call. */
    void start(Set<Long> othersInCall, DaveReplies replies);

    void usersChanged(Set<Long> othersInCall);

    void onBinary(int op, byte[] payload, DaveReplies replies);

    void onJson(int op, Map<String, Object> data, DaveReplies replies);

    /** The current epoch's authenticator, or null while not in a group. */
    byte[] epochAuthenticator();

    /** The group's epoch as this member sees it (0 while pending). */
    long epoch();
}
