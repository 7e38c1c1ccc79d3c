package dev.roadie.voice.media;

/**
 * A UDP packet that cannot be opened: too short, or failing authentication (tampered, or sealed
 * with another key). The receiver drops it and counts it.
 */
public final class PacketRefusedException extends Exception {

    PacketRefusedException(String message) {
        super(message);
    }

    PacketRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
