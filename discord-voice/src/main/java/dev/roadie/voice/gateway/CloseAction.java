package dev.roadie.voice.gateway;

/** What the client does when the voice gateway's socket closes. */
public enum CloseAction {
    /** Open a new socket to the same endpoint and resume (op 7) with the last {@code seq} seen. */
    RESUME,
    /** Open a new socket to the same endpoint and identify (op 0) afresh with the same session. */
    IDENTIFY,
    /** Stop: reconnecting would fail or is forbidden; the bot needs a new voice session. */
    GIVE_UP
}
