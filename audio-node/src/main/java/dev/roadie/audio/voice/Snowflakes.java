package dev.roadie.audio.voice;

/** Discord ids, which Lavalink's API carries as strings. */
public final class Snowflakes {
    private Snowflakes() {
    }

    /** @throws IllegalArgumentException naming {@code what} when {@code id} is not a Discord id */
    public static long parse(String what, String id) {
        try {
            return Long.parseUnsignedLong(id);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is '" + id + "', which is not a Discord id (a number)", e);
        }
    }
}
