package dev.roadie.companion.hub;

/** The link to the hub as the user sees it, with the words the status bar shows. */
public record Connection(Kind kind, String words) {

    /** The states the status bar tells apart. */
    public enum Kind {
        CONNECTING,
        CONNECTED,
        RECONNECTING,
        /** The hub refused the token (revoked, for example): reconnecting will not help. */
        REFUSED,
        CLOSED
    }

    public static Connection connecting() {
        return new Connection(Kind.CONNECTING, "Connecting…");
    }
}
