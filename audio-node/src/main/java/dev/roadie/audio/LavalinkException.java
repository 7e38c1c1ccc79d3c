package dev.roadie.audio;

/**
 * A request Lavalink answers with an error status: {@link ErrorResponses} turns it into Lavalink's
 * error JSON ({@code timestamp, status, error, message, path}, and {@code trace} when asked).
 */
public final class LavalinkException extends RuntimeException {
    private final int status;

    public LavalinkException(int status, String message) {
        super(message);
        this.status = status;
    }

    public LavalinkException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
