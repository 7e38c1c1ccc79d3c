package dev.roadie.voice.gateway;

import java.util.Set;

/**
 * What the voice gateway client reports, on its own thread, one call at a time. Whoever owns the
 * client (the {@code VoiceConnection}) answers {@link #onReady} by discovering its UDP address
 * and calling {@link VoiceGatewayClient#selectProtocol}.
 */
public interface GatewayListener {

    /** Ready (op 2) arrived after identify: open UDP, discover the address, then select protocol. */
    default void onReady(Ready ready) {
    }

    /** Session description (op 4): the transport key; media can flow. */
    default void onSessionDescription(SessionDescription description) {
    }

    /** Resumed (op 9): the same session continues on a new socket; UDP and keys are unchanged. */
    default void onResumed() {
    }

    /** A user's speaking state (op 5 from the server), which also maps their SSRC to them. */
    default void onSpeaking(long userId, int ssrc, int speakingFlags) {
    }

    /** Clients connect (op 11): these users joined the call. */
    default void onUsersJoined(Set<Long> userIds) {
    }

    /** Client disconnect (op 13): this user left the call. */
    default void onUserLeft(long userId) {
    }

    /** The socket was lost or closed with a code that allows coming back; the client is reconnecting. */
    default void onReconnecting(String reason) {
    }

    /** The client gave up (see {@link CloseRules}); nothing more comes unless moved to a new endpoint. */
    default void onDisconnected(int closeCode, String reason) {
    }
}
