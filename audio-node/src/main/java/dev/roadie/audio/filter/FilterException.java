package dev.roadie.audio.filter;

/** A {@code filters} object a client sent that cannot be applied; its message says which field and why. */
public final class FilterException extends IllegalArgumentException {
    public FilterException(String message) {
        super(message);
    }
}
