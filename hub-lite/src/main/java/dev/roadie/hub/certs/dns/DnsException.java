package dev.roadie.hub.certs.dns;

/** A DNS provider could not create or remove a record; the message says why and what to check, never a token. */
public final class DnsException extends Exception {
    private static final long serialVersionUID = 1L;

    public DnsException(String message) {
        super(message);
    }

    public DnsException(String message, Throwable cause) {
        super(message, cause);
    }
}
