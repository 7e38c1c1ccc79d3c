package dev.roadie.client;

/**
 * Why a link to the hub ended.
 *
 * @param cause     what kind of ending it was
 * @param closeCode the WebSocket close code when there was one (1001 going away, 4003
 *                  unauthorized, 4029 try later, ...), 1006 for a link that died without a close,
 *                  or 0 when no socket was open
 * @param message   a sentence for logs and people
 */
public record DisconnectReason(DisconnectCause cause, int closeCode, String message) {

    @Override
    public String toString() {
        return cause + (closeCode == 0 ? "" : " (" + closeCode + ")") + ": " + message;
    }
}
