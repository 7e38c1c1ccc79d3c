/**
 * The node agent ({@code roadie-agent}), a sidecar beside one Lavalink node. Entry points:
 * {@link dev.roadie.agent.AgentCommand} (the command line) and {@link dev.roadie.agent.NodeAgent}
 * (the poll loop). Concerns live in sub-packages: {@code config} (settings), {@code lavalink}
 * (reading the node), {@code health} (pure judging logic), {@code hub} (the node in the
 * registry), {@code retire} (the retire actions).
 */
package dev.roadie.agent;
