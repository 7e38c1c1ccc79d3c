package dev.roadie.node.hub;

import java.net.URI;

/** Where the bots reach the node: announced as the service's endpoint. */
public record PublicEndpoint(String host, int port, boolean tls) {

    /** {@code http(s)://host:port}, the form Lavalink clients take. */
    public URI uri() {
        String shown = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create((tls ? "https" : "http") + "://" + shown + ":" + port);
    }
}
