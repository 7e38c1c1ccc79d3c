package dev.roadie.hub.cli;

import dev.roadie.hub.Hub;
import java.io.PrintWriter;
import java.util.Map;

/**
 * What {@code roadie serve --demo} runs beside the hub: music to search with no network and a
 * stand-in music bot. The {@code roadie} command supplies it; hub-lite has no bot of its own,
 * since it depends on no client.
 */
public interface DemoMode {

    /**
     * Starts what the hub's settings point at (the bundled music service) before the hub starts.
     *
     * @return settings for the hub; the user's own {@code --set} settings win over them
     */
    Map<String, String> prepare();

    /**
     * Starts what needs the running hub (the stand-in bot), once it serves.
     *
     * @param out where to tell the user what runs and what to try
     * @return what to close when the hub stops
     */
    AutoCloseable start(Hub hub, PrintWriter out);
}
