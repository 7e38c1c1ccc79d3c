package dev.roadie.companion.remote;

import dev.roadie.model.registry.ServiceId;

/** The bot and guild the window searches for and controls. */
public record Target(ServiceId bot, String guild) {
}
