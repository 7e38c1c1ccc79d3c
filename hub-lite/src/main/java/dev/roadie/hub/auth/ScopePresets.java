package dev.roadie.hub.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scopes a token gets by default for its kind, used when {@code roadie token create} is given
 * no {@code --scope}:
 * <ul>
 *   <li>{@code music-bot}: {@code send:* publish:player.* subscribe:* announce:music-bot registry
 *       secrets:audio-node search} (it drives everything, needs the audio nodes' passwords and searches for users);</li>
 *   <li>{@code audio-node}, {@code node-agent}: {@code announce:audio-node registry};</li>
 *   <li>{@code desktop}, {@code mobile}, {@code web}, {@code extension}: {@code send:music-bot
 *       subscribe:player.* registry search} (remote controls that search for music);</li>
 *   <li>{@code admin}: {@code admin}.</li>
 * </ul>
 * Any other kind has no preset and gets no scopes.
 */
public final class ScopePresets {
    private static final List<String> REMOTE = List.of("send:music-bot", "subscribe:player.*", "registry", "search");
    private static final List<String> NODE = List.of("announce:audio-node", "registry");
    private static final Map<String, List<String>> PRESETS = presets();

    private ScopePresets() {
    }

    /** The preset scopes for {@code kind}, empty when it has none. */
    public static List<String> forKind(String kind) {
        return kind == null ? List.of() : PRESETS.getOrDefault(kind, List.of());
    }

    /** Every preset, by kind, in a stable order. */
    public static Map<String, List<String>> all() {
        return PRESETS;
    }

    private static Map<String, List<String>> presets() {
        Map<String, List<String>> presets = new LinkedHashMap<>();
        presets.put("music-bot", List.of("send:*", "publish:player.*", "subscribe:*", "announce:music-bot",
                "registry", "secrets:audio-node", "search"));
        presets.put("audio-node", NODE);
        presets.put("node-agent", NODE);
        for (String remote : List.of("desktop", "mobile", "web", "extension")) {
            presets.put(remote, REMOTE);
        }
        presets.put("admin", List.of("admin"));
        return Collections.unmodifiableMap(presets);
    }
}
