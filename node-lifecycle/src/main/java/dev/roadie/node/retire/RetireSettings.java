package dev.roadie.node.retire;

import java.time.Duration;
import java.util.List;

/**
 * What retiring the node does.
 *
 * @param enabled        whether an exhausted block drains and retires the node at all
 * @param drainDeadline  how long to wait for players to reach zero
 * @param command        a program and its arguments to run after retiring (empty: none)
 * @param commandTimeout how long it may run
 * @param digitalOcean   the DigitalOcean action, or null
 */
public record RetireSettings(boolean enabled, Duration drainDeadline, List<String> command, Duration commandTimeout,
        DigitalOceanSettings digitalOcean) {
    public RetireSettings {
        command = List.copyOf(command);
    }
}
