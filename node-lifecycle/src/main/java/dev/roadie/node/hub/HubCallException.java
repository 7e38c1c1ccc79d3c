package dev.roadie.node.hub;

/** The hub refused or did not confirm an announce, drain or retire; the agent tries again at its next poll. */
public final class HubCallException extends RuntimeException {
    public HubCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
