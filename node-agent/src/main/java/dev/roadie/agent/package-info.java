/**
 * The node agent ({@code roadie-agent}), a sidecar beside one Lavalink node. Entry points:
 * {@link dev.roadie.agent.AgentCommand} (the command line) and {@link dev.roadie.agent.NodeAgent}
 * (the poll loop). Concerns live in sub-packages: {@code config} (settings), {@code lavalink}
 * (reading the node). Judging the health, announcing and retiring the node are the
 * {@code node-lifecycle} module's ({@link dev.roadie.node.NodeKeeper}), shared with the audio node.
 */
package dev.roadie.agent;
