package dev.roadie.voice.dave;

/**
 * A DAVE message that cannot be used: malformed, for another group or epoch, or breaking one of
 * the whitepaper's rules. The session answers it as the whitepaper says (ignore, or flag an
 * invalid commit/welcome with op 31 and start again with a new key package).
 */
public class DaveProtocolException extends RuntimeException {

    public DaveProtocolException(String message) {
        super(message);
    }

    public DaveProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
