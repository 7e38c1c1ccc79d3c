package dev.roadie.companion.hub;

import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
import java.util.List;

/**
 * A music bot the registry lists, with the guilds it says it plays in (its label {@code guilds},
 * PROTOCOL.md 12.2).
 */
public record Bot(ServiceId id, ServiceState state, List<String> guilds) {

    public Bot {
        guilds = List.copyOf(guilds);
    }

    @Override
    public String toString() {
        return id.name() + (state == ServiceState.UP ? "" : " (" + state.toString().toLowerCase(java.util.Locale.ROOT) + ")");
    }
}
