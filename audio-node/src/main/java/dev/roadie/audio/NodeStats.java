package dev.roadie.audio;

import dev.roadie.audio.voice.FrameCounter;
import com.sun.management.OperatingSystemMXBean;
import dev.roadie.audio.session.Player;
import dev.roadie.audio.session.Sessions;
import java.lang.management.ManagementFactory;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Lavalink's stats object: players, uptime, memory, cpu, and (over the socket) frameStats. */
final class NodeStats {
    private final JsonMapper json;
    private final Sessions sessions;
    private final long startedAt = System.currentTimeMillis();
    private final OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    NodeStats(JsonMapper json, Sessions sessions) {
        this.json = json;
        this.sessions = sessions;
    }

    ObjectNode now(FrameCounter.Counts frames) {
        ObjectNode stats = json.createObjectNode();
        List<Player> players = sessions.players();
        stats.put("players", players.size());
        stats.put("playingPlayers", players.stream().filter(Player::isPlaying).count());
        stats.put("uptime", System.currentTimeMillis() - startedAt);
        Runtime runtime = Runtime.getRuntime();
        ObjectNode memory = stats.putObject("memory");
        memory.put("free", runtime.freeMemory());
        memory.put("used", runtime.totalMemory() - runtime.freeMemory());
        memory.put("allocated", runtime.totalMemory());
        memory.put("reservable", runtime.maxMemory());
        ObjectNode cpu = stats.putObject("cpu");
        cpu.put("cores", runtime.availableProcessors());
        cpu.put("systemLoad", Math.max(0, os.getCpuLoad()));
        cpu.put("lavalinkLoad", Math.max(0, os.getProcessCpuLoad()));
        // Null with nothing playing, and over REST, but present: lavalink-client requires the field.
        if (frames == null) {
            stats.putNull("frameStats");
        } else {
            stats.putObject("frameStats").put("sent", frames.sent()).put("nulled", frames.nulled())
                    .put("deficit", frames.deficit());
        }
        return stats;
    }
}
