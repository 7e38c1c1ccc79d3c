package dev.roadie.agent.config;

import java.net.URI;
import java.time.Duration;

/**
 * The Lavalink node beside the agent.
 *
 * @param name      its name in the registry
 * @param url       where the agent reads it (the compose network's address)
 * @param password  its password, sent as the {@code Authorization} header and announced as a secret
 * @param timeout   the longest one call may take
 * @param downAfter how long it may be unreachable before the agent leaves the hub
 * @param websocket whether the agent also reads the node's {@code /v4/websocket}
 * @param userId    the {@code User-Id} header of that websocket (Lavalink requires one; no bot acts under it)
 */
public record NodeSettings(String name, URI url, String password, Duration timeout, Duration downAfter,
        boolean websocket, String userId) {
    @Override
    public String toString() {
        return "NodeSettings[" + name + " at " + url + "]";
    }
}
