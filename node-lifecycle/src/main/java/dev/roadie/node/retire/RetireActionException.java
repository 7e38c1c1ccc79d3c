package dev.roadie.node.retire;

/** A retire action failed: the command exited badly, or DigitalOcean refused a call. */
public final class RetireActionException extends Exception {
    public RetireActionException(String message) {
        super(message);
    }

    public RetireActionException(String message, Throwable cause) {
        super(message, cause);
    }
}
