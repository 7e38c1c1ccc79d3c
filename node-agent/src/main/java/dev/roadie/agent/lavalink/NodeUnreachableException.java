package dev.roadie.agent.lavalink;

/** Lavalink did not answer, refused the password or answered something that is not its API. */
public final class NodeUnreachableException extends Exception {
    public NodeUnreachableException(String message) {
        super(message);
    }

    public NodeUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
