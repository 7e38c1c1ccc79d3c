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
 * widened, and bound to some guilds' player topics and to some music bots, by name, if the
 * approver says so.
 */
final class DeviceScopes {
    /** The kinds a device may pair as: the companions. */
    static final List<String> KINDS = List.of("desktop", "mobile", "extension");
    private static final String PLAYER_TOPICS = "subscribe:player.";
    private static final String SEND = "send:";
    private static final String BOT_SCOPE = "send:music-bot/";

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
     * The scopes to grant a device of {@code kind}: the asked ones (or the preset), each
     * {@code subscribe:player.*} scope bound to the guilds and each {@code send:} scope bound to the
     * music bots of {@code narrowing}, in place.
     *
     * @throws IllegalArgumentException naming a scope wider than the preset, an invalid guild id or
     *     bot name, or a bot that no granted {@code send:} scope reaches
     */
    static List<String> grant(String kind, Narrowing narrowing) {
        List<String> preset = ScopePresets.forKind(requireKind(kind));
        List<String> scopes = narrowing.scopes().isEmpty() ? preset : narrowing.scopes();
        Scopes.parse(scopes);
        for (String scope : scopes) {
            if (!covered(preset, scope)) {
                throw new IllegalArgumentException("the scope " + scope + " is wider than a " + kind
                        + "'s preset (" + String.join(" ", preset) + "): an approval may narrow a device's scopes,"
                        + " never widen them. Make a token with roadie token create for more.");
            }
        }
        List<String> guildScopes = guildScopes(narrowing.guilds());
        List<String> botScopes = botScopes(narrowing.bots());
        Set<String> granted = new LinkedHashSet<>();
        Set<String> reachedBots = new LinkedHashSet<>();
        for (String scope : scopes) {
            if (!guildScopes.isEmpty() && scope.startsWith(PLAYER_TOPICS)) {
                // Only the guilds this scope covers: a narrowed subscribe:player.12* keeps to its guilds.
                guildScopes.stream().filter(bound -> covered(List.of(scope), bound)).forEach(granted::add);
            } else if (!botScopes.isEmpty() && scope.startsWith(SEND)) {
                for (String bound : botScopes) {
                    if (covered(List.of(scope), bound)) {
                        granted.add(bound);
                        reachedBots.add(bound);
                    }
                }
            } else {
                granted.add(scope);
            }
        }
        for (String bound : botScopes) {
            if (!reachedBots.contains(bound)) {
                throw new IllegalArgumentException("the music bot " + bound.substring(BOT_SCOPE.length()) + " is not"
                        + " one the granted scopes send to (" + String.join(" ", scopes) + "): grant send:music-bot,"
                        + " or leave the bot out");
            }
        }
        return List.copyOf(granted);
    }

    private static List<String> guildScopes(List<String> guilds) {
        List<String> bound = new ArrayList<>();
        for (String guild : guilds) {
            if (guild == null || guild.isEmpty() || guild.contains("*") || !Names.isTopic("player." + guild)) {
                throw new IllegalArgumentException("'" + guild + "' is not a guild id (digits, as Discord shows it)");
            }
            bound.add(PLAYER_TOPICS + guild);
        }
        return bound;
    }

    private static List<String> botScopes(List<String> bots) {
        List<String> bound = new ArrayList<>();
        for (String bot : bots) {
            if (!Names.isName(bot)) {
                throw new IllegalArgumentException("'" + bot + "' is not a music bot's name (its service name, like"
                        + " eu-1 in music-bot/eu-1, as roadie services or the Services view shows it)");
            }
            bound.add(BOT_SCOPE + bot);
        }
        return bound;
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
            // A kind covers its services by name: send:music-bot covers send:music-bot/eu-1 and send:music-bot/eu-*.
            if (wide.indexOf('/') < 0 && !wide.endsWith("*") && pattern.startsWith(wide + "/")) {
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
