package dev.roadie.voice.dave.frame;

/** Bytes that claim to be part of a DAVE protocol frame but cannot be one. */
final class MalformedFrameException extends RuntimeException {

    MalformedFrameException(String message) {
        super(message);
    }
}
