package dev.roadie.desktop.main;

import dev.roadie.model.registry.ServiceId;

/** The bot and guild the window searches for and controls. */
public record Target(ServiceId bot, String guild) {
}
