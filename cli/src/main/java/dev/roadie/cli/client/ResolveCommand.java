package dev.roadie.cli.client;

import dev.roadie.model.wire.FrameCodec;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code roadie resolve}: asks the hub what is behind a link. */
@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = {"Ask the hub what a link is: a track, a playlist or an album, with its title and artist.",
            "Exit code 0 when resolved, 1 when it is not a link, nothing was found at it, the site failed"
                + " or the hub refused."})
public final class ResolveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RestHub hub;

    @Parameters(paramLabel = "URL", description = "The link, e.g. https://www.youtube.com/watch?v=...")
    String url;

    @Option(names = "--json", description = "Print the hub's JSON answer as one line, for scripts.")
    boolean json;

    @Override
    public Integer call() {
        JsonNode answer;
        try {
            answer = hub.get("/api/resolve", Map.of("url", url));
        } catch (RestHub.HubCallFailed e) {
            spec.commandLine().getErr().println("roadie resolve: " + explain(e));
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(FrameCodec.DEFAULT.mapper().writeValueAsString(answer));
            return 0;
        }
        JsonNode track = answer.path("track");
        out.println("Kind:     " + answer.path("kind").asString(""));
        out.println("Title:    " + SearchCommand.oneLine(track.path("title").asString("")));
        out.println("Artist:   " + SearchCommand.oneLine(track.path("artist").asString("-")));
        out.println("Length:   " + Durations.clock(track.path("durationMs").asLong(0)));
        out.println("Source:   " + track.path("source").asString("-")
                + (track.path("playable").asBoolean(false) ? " (the bot plays it directly)" : " (the bot searches for it)"));
        out.println("Link:     " + track.path("uri").asString(""));
        out.println("Found by: " + answer.path("method").asString(""));
        return 0;
    }

    /** The same words as the web page for each failure the hub names by its status (PROTOCOL.md 17.11). */
    static String explain(RestHub.HubCallFailed failure) {
        return switch (failure.status) {
            case 400, 404 -> failure.hubMessage; // "that is not a link: ...", "found nothing at the link: ..."
            case 502 -> "the link could not be resolved: " + failure.hubMessage;
            default -> failure.getMessage();
        };
    }
}
