package dev.roadie.companion.pairing;

/**
 * What the app remembers between runs: the hub it paired with and the token it was given.
 *
 * @param hub   the hub's web address as the user typed it, normalised ({@code http://host:7070})
 * @param token the device's token ({@code rd_...}), a secret
 * @param name  the name the device paired under, shown to the hub's owner
 */
public record PairedHub(String hub, String token, String name) {

    public PairedHub {
        if (hub == null || hub.isBlank() || token == null || token.isBlank()) {
            throw new IllegalArgumentException("a paired hub needs an address and a token");
        }
    }

    @Override
    public String toString() {
        // The token is a secret: never in a log line.
        return "PairedHub[hub=" + hub + ", name=" + name + "]";
    }
}
