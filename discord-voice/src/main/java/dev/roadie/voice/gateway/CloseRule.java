package dev.roadie.voice.gateway;

/**
 * How one close code is handled.
 *
 * @param code   the WebSocket close code
 * @param action resume, identify again, or give up
 * @param reason what happened and what to do, in words, for the disconnected/reconnecting events
 */
public record CloseRule(int code, CloseAction action, String reason) {
}
