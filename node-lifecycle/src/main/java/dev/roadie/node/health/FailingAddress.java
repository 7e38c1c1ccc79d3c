package dev.roadie.node.health;

/**
 * An address of the route planner's block that the source rate-limited.
 *
 * @param address   the address as Lavalink writes it ({@code /1.0.0.0})
 * @param failingAt when it failed, epoch milliseconds
 */
public record FailingAddress(String address, long failingAt) {
}
