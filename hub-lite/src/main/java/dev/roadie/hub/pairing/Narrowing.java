package dev.roadie.hub.pairing;

import java.util.List;

/**
 * How an approver (or an invite) narrows a device's preset scopes; never wider than the preset.
 * Empty lists narrow nothing.
 *
 * @param scopes the scopes to grant, or none for the kind's preset
 * @param guilds guild ids whose player topics alone the device may follow, or none for every guild
 * @param bots   names of the music bots alone the device may send to, by name
 *               ({@code send:music-bot/NAME}), or none for every music bot
 */
public record Narrowing(List<String> scopes, List<String> guilds, List<String> bots) {
    private static final Narrowing NONE = new Narrowing(List.of(), List.of(), List.of());

    public Narrowing {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        guilds = guilds == null ? List.of() : List.copyOf(guilds);
        bots = bots == null ? List.of() : List.copyOf(bots);
    }

    /** The kind's preset, as it is. */
    public static Narrowing none() {
        return NONE;
    }
}
