package dev.roadie.model.wire;

/**
 * What went wrong, in a reply or a gather result: a code for programs (for hub-made replies one
 * of {@link ErrorCode}'s, otherwise the receiver's own) and a message for people.
 */
public record Problem(String code, String message) {
}
