package dev.roadie.model.wire;

/**
 * What went wrong, in a reply or a gather result: a code for programs and a message for people.
 * In replies the hub makes, the code is the status's wire name ({@code timeout}, {@code gone},
 * {@code no-route}); in a receiver's replies it is the receiver's own.
 */
public record Problem(String code, String message) {
}
