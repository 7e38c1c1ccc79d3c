package dev.roadie.search.builtin;

import java.net.URI;

/**
 * A Lavalink node the hub knows about and may search through.
 *
 * @param name     its registry name, for messages
 * @param endpoint its REST base, {@code http://10.0.0.5:2333}
 * @param password its password, sent as the {@code Authorization} header
 */
public record AudioNode(String name, URI endpoint, String password) {

    @Override
    public String toString() {
        return "AudioNode[" + name + " " + endpoint + "]"; // never print the password
    }
}
