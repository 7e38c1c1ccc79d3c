package dev.roadie.voice.gateway;

import dev.roadie.voice.dave.DaveWire;

/**
 * The voice gateway's opcodes (v8), as Discord's opcode table numbers them. DAVE's (21 to 31)
 * are {@link DaveWire}'s, defined once beside their payloads; this class only says which of
 * them the gateway hands the {@code DaveHandler}.
 */
public final class VoiceOp {
    public static final int IDENTIFY = 0;
    public static final int SELECT_PROTOCOL = 1;
    public static final int READY = 2;
    public static final int HEARTBEAT = 3;
    public static final int SESSION_DESCRIPTION = 4;
    public static final int SPEAKING = 5;
    public static final int HEARTBEAT_ACK = 6;
    public static final int RESUME = 7;
    public static final int HELLO = 8;
    public static final int RESUMED = 9;
    public static final int CLIENTS_CONNECT = 11;
    public static final int CLIENT_DISCONNECT = 13;

    /** The JSON DAVE opcodes the server sends, handed to the {@code DaveHandler}. */
    static boolean isDaveJson(int op) {
        return op == DaveWire.PREPARE_TRANSITION || op == DaveWire.EXECUTE_TRANSITION || op == DaveWire.PREPARE_EPOCH;
    }

    /** The binary DAVE opcodes the server sends, handed to the {@code DaveHandler}. */
    static boolean isDaveBinary(int op) {
        return op == DaveWire.EXTERNAL_SENDER_PACKAGE || op == DaveWire.PROPOSALS
                || op == DaveWire.ANNOUNCE_COMMIT_TRANSITION || op == DaveWire.WELCOME;
    }

    private VoiceOp() {
    }
}
