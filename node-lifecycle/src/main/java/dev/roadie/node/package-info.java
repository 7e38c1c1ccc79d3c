/**
 * A node's life on the hub, shared by the node agent (beside a Lavalink) and the audio node
 * (announcing itself): {@link dev.roadie.node.NodeKeeper} drives it from readings of the node.
 * Concerns live in sub-packages: {@code health} (pure judging logic: load, frame deficit, the
 * route planner's IP block), {@code hub} (the node in the registry), {@code retire} (drain,
 * retire and the retire actions).
 */
package dev.roadie.node;
