/**
 * Node discovery for Java bots that use {@code dev.arbjerg:lavalink-client}: {@link dev.roadie.lavalink.NodeDiscovery}
 * keeps a {@code LavalinkClient}'s nodes in step with the Roadie hub's registry.
 */
package dev.roadie.lavalink;
