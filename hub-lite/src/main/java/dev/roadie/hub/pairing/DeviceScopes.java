package dev.roadie.hub.pairing;

import dev.roadie.hub.auth.ScopePresets;
import dev.roadie.hub.auth.Scopes;
import dev.roadie.model.wire.Names;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a paired device may do: its kind's preset scopes, narrowed by the approver and never
 * widened, and bound to some guilds' player topics if the approver says so.
 */
final class DeviceScopes {
    /** The kinds a device may pair as: the companions. */
    static final List<String> KINDS = List.of("desktop", "mobile", "extension");
    private static final String PLAYER_TOPICS = "subscribe:player.";

    private DeviceScopes() {
    }

    /** Refuses a kind that is not a device's. */
    static String requireKind(String kind) {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("a device pairs as one of " + String.join(", ", KINDS) + "; got "
                    + (kind == null ? "no kind" : "'" + kind + "'"));
        }
        return kind;
    }

    /**
     * The scopes to grant a device of {@code kind}.
     *
     * @param asked  the scopes the approver chose, or none for the kind's preset
     * @param guilds guild ids whose player topics alone it may follow, or none for every guild
     * @throws IllegalArgumentException naming a scope wider than the preset, or an invalid guild id
     */
    static List<String> grant(String kind, List<String> asked, List<String> guilds) {
        List<String> preset = ScopePresets.forKind(requireKind(kind));
        List<String> scopes = asked == null || asked.isEmpty() ? preset : asked;
        Scopes.parse(scopes);
        for (String scope : scopes) {
            if (!covered(preset, scope)) {
                throw new IllegalArgumentException("the scope " + scope + " is wider than a " + kind
                        + "'s preset (" + String.join(" ", preset) + "): an approval may narrow a device's scopes,"
                        + " never widen them. Make a token with roadie token create for more.");
            }
        }
        if (guilds == null || guilds.isEmpty()) {
            return List.copyOf(new LinkedHashSet<>(scopes));
        }
        Set<String> bound = new LinkedHashSet<>();
        boolean followsPlayers = false;
        for (String scope : scopes) {
            if (scope.startsWith(PLAYER_TOPICS)) {
                followsPlayers = true;
            } else {
                bound.add(scope);
            }
        }
        for (String guild : guilds) {
            String topic = "player." + guild;
            if (guild == null || guild.isEmpty() || guild.contains("*") || !Names.isTopic(topic)) {
                throw new IllegalArgumentException("'" + guild + "' is not a guild id (digits, as Discord shows it)");
            }
            String scope = PLAYER_TOPICS + guild;
            if (followsPlayers && scopes.stream().anyMatch(s -> s.startsWith(PLAYER_TOPICS) && covered(List.of(s), scope))) {
                bound.add(scope);
            }
        }
        return List.copyOf(bound);
    }

    /** Whether one of {@code preset} allows everything {@code scope} allows. */
    static boolean covered(List<String> preset, String scope) {
        int colon = scope.indexOf(':');
        if (colon < 0) {
            return preset.contains(scope);
        }
        String action = scope.substring(0, colon);
        String pattern = scope.substring(colon + 1);
        for (String granted : preset) {
            if (!granted.startsWith(action + ":")) {
                continue;
            }
            String wide = granted.substring(action.length() + 1);
            if (wide.equals("*") || wide.equals(pattern)) {
                return true;
            }
            // A prefix covers an exact value or a longer prefix that starts with it; not "*".
            if (wide.endsWith("*") && !pattern.equals("*")
                    && pattern.startsWith(wide.substring(0, wide.length() - 1))) {
                return true;
            }
        }
        return false;
    }
}
