package dev.roadie.companion.pairing;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A hub's address as a person types it ({@code hub.example.org:7070}, {@code http://...},
 * {@code https://...}): its web address for the pairing calls and its socket address for the SDK.
 */
public record HubAddress(URI web) {

    /** The hub's port when none is typed, as {@code roadie serve} listens by default. */
    public static final int DEFAULT_PORT = 7070;

    /** Reads what the user typed; throws {@link IllegalArgumentException} with words to show them. */
    public static HubAddress parse(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Type the hub's address, such as localhost:7070");
        }
        if (!text.contains("://")) {
            text = "http://" + text;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException("'" + typed.strip()
                        + "' is not a hub address: type host:port, such as localhost:7070, or an http(s):// address");
            }
            int port = uri.getPort() == -1 && scheme.equals("http") ? DEFAULT_PORT : uri.getPort();
            return new HubAddress(new URI(scheme, null, uri.getHost(), port, null, null, null));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + typed.strip()
                    + "' is not a hub address: type host:port, such as localhost:7070", e);
        }
    }

    /** The hub's WebSocket, {@code ws://host:port/ws} ({@code wss} for https). */
    public URI socket() {
        String scheme = web.getScheme().equals("https") ? "wss" : "ws";
        return URI.create(scheme + "://" + web.getRawAuthority() + "/ws");
    }

    public URI api(String path) {
        return URI.create(web + path);
    }

    @Override
    public String toString() {
        return web.toString();
    }
}
