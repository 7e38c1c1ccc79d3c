package dev.roadie.audio;

import com.sun.management.OperatingSystemMXBean;
import dev.roadie.audio.session.Player;
import dev.roadie.audio.session.Sessions;
import dev.roadie.audio.voice.FrameCounter;
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

    /**
     * The same figures for the hub's registry, read from the players directly. Frames are left
     * out: the pump's counts belong to the socket's stats op, which takes (and resets) them.
     */
    dev.roadie.model.registry.NodeStats figures() {
        List<Player> players = sessions.players();
        Runtime runtime = Runtime.getRuntime();
        return new dev.roadie.model.registry.NodeStats(players.size(),
                (int) players.stream().filter(Player::isPlaying).count(), System.currentTimeMillis() - startedAt,
                new dev.roadie.model.registry.NodeStats.Memory(runtime.freeMemory(),
                        runtime.totalMemory() - runtime.freeMemory(), runtime.totalMemory(), runtime.maxMemory()),
                new dev.roadie.model.registry.NodeStats.Cpu(runtime.availableProcessors(),
                        Math.clamp(os.getCpuLoad(), 0, 1), Math.clamp(os.getProcessCpuLoad(), 0, 1)),
                null);
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
