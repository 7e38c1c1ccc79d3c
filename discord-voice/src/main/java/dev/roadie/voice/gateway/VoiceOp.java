package dev.roadie.voice.gateway;

/** The voice gateway's opcodes (v8), as Discord's opcode table and the DAVE whitepaper number them. */
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
    public static final int DAVE_PREPARE_TRANSITION = 21;
    public static final int DAVE_EXECUTE_TRANSITION = 22;
    public static final int DAVE_TRANSITION_READY = 23;
    public static final int DAVE_PREPARE_EPOCH = 24;
    public static final int DAVE_MLS_EXTERNAL_SENDER = 25;
    public static final int DAVE_MLS_KEY_PACKAGE = 26;
    public static final int DAVE_MLS_PROPOSALS = 27;
    public static final int DAVE_MLS_COMMIT_WELCOME = 28;
    public static final int DAVE_MLS_ANNOUNCE_COMMIT_TRANSITION = 29;
    public static final int DAVE_MLS_WELCOME = 30;
    public static final int DAVE_MLS_INVALID_COMMIT_WELCOME = 31;

    /** The JSON DAVE opcodes the server sends, handed to the {@code DaveHandler}. */
    static boolean isDaveJson(int op) {
        return op == DAVE_PREPARE_TRANSITION || op == DAVE_EXECUTE_TRANSITION || op == DAVE_PREPARE_EPOCH;
    }

    /** The binary DAVE opcodes the server sends, handed to the {@code DaveHandler}. */
    static boolean isDaveBinary(int op) {
        return op == DAVE_MLS_EXTERNAL_SENDER || op == DAVE_MLS_PROPOSALS
                || op == DAVE_MLS_ANNOUNCE_COMMIT_TRANSITION || op == DAVE_MLS_WELCOME;
    }

    private VoiceOp() {
    }
}
