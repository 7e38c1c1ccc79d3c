package dev.roadie.voice.dave;

import java.util.Map;

/** Where DAVE's answers go: the voice gateway connection that handed it the opcode. */
public interface DaveReplies {

    /** A JSON opcode, for example {@code dave_protocol_ready_for_transition} (23) with its {@code d}. */
    void sendJson(int op, Map<String, Object> data);

    /**
     * A binary opcode from client to gateway: one byte of opcode, then {@code payload}
     * (key package 26, commit and welcome 28).
     */
    void sendBinary(int op, byte[] payload);
}
