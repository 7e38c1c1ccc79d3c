package dev.roadie.voice.dave.frame;

/** A key generation was asked for after the ratchet erased it: frames of that generation can no longer be decrypted. */
public final class ErasedGenerationException extends RuntimeException {

    ErasedGenerationException(long generation) {
        super("key generation " + generation + " has been erased from this sender's ratchet; frames that old are dropped");
    }
}
