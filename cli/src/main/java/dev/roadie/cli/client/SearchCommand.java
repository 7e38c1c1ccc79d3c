package dev.roadie.cli.client;

import dev.roadie.hub.cli.TextTable;
import dev.roadie.model.wire.FrameCodec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code roadie search}: searches music through the hub's providers. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search music through the hub's providers and print the merged tracks as a table,"
                + " then how each provider fared.",
            "Exit code 0 when at least one provider answered (even with nothing), 1 when the search could not"
                + " be done (every provider failed or timed out) or the hub refused."})
public final class SearchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RestHub hub;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "What to search for.")
    List<String> query;

    @Option(names = "--provider", paramLabel = "ID", description = "Ask only this provider; repeat for several"
            + " (default: every provider that searches; GET /api/providers lists them).")
    List<String> providers = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Most tracks (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print the hub's JSON answer as one line, for scripts.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("q", String.join(" ", query));
        parameters.put("limit", limit);
        if (!providers.isEmpty()) {
            parameters.put("providers", providers);
        }
        JsonNode answer;
        try {
            answer = hub.get("/api/search", parameters);
        } catch (RestHub.HubCallFailed e) {
            spec.commandLine().getErr().println("roadie search: " + e.getMessage());
            return 1;
        }
        boolean anyAnswered = false;
        for (JsonNode provider : answer.path("providers")) {
            String status = provider.path("status").asString("");
            anyAnswered |= status.equals("ok") || status.equals("empty");
        }
        if (json) {
            out.println(FrameCodec.DEFAULT.mapper().writeValueAsString(answer));
        } else if (anyAnswered) {
            print(answer, out);
        } else {
            // "No tracks found" would be a lie: nobody was asked successfully, so nothing is known.
            spec.commandLine().getErr().println("roadie search: the search could not be done, every provider failed: "
                    + String.join(", ", statuses(answer)));
        }
        return anyAnswered ? 0 : 1;
    }

    private static void print(JsonNode answer, PrintWriter out) {
        JsonNode tracks = answer.path("tracks");
        if (tracks.isEmpty()) {
            out.println("No tracks found.");
        } else {
            TextTable table = new TextTable(List.of("#", "TITLE", "ARTIST", "LENGTH", "SOURCE", "PLAYABLE", "LINK"));
            int n = 1;
            for (JsonNode track : tracks) {
                table.add(List.of(Integer.toString(n++), oneLine(track.path("title").asString("")),
                        oneLine(track.path("artist").asString("-")), Durations.clock(track.path("durationMs").asLong(0)),
                        track.path("source").asString("-"), track.path("playable").asBoolean(false) ? "yes" : "no",
                        track.path("uri").asString("-")));
            }
            out.print(table.render());
        }
        out.println("Providers: " + String.join(", ", statuses(answer)));
    }

    /** How each provider fared: {@code deezer ok (2)}, {@code itunes failed (iTunes answered HTTP 500)}. */
    private static List<String> statuses(JsonNode answer) {
        List<String> statuses = new ArrayList<>();
        for (JsonNode provider : answer.path("providers")) {
            String status = provider.path("status").asString("");
            String reason = provider.path("reason").asString("");
            statuses.add(provider.path("provider").asString() + " " + status
                    + (status.equals("ok") ? " (" + provider.path("count").asInt(0) + ")" : "")
                    + (reason.isEmpty() ? "" : " (" + oneLine(reason) + ")"));
        }
        return statuses;
    }

    /** Titles are data from services: keep a newline or escape code in one from breaking the table. */
    static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}", " ");
    }
}
