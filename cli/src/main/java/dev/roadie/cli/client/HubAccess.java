package dev.roadie.cli.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Which hub and which token, for every client command: {@code --hub} (repeatable, for
 * failover) or {@code ROADIE_HUB}, and {@code --token} or {@code ROADIE_TOKEN}. A picocli mixin
 * shared by the socket and the REST commands, so that both read them alike.
 */
public final class HubAccess {
    /** The hub used when neither --hub nor ROADIE_HUB names one. */
    public static final String DEFAULT_HUB = "ws://localhost:7070/ws";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--hub", paramLabel = "URI", description = "The hub's socket, e.g. wss://hub.example.org/ws"
            + " (REST commands also take its https:// address); repeat for failover (default: $ROADIE_HUB, else "
            + DEFAULT_HUB + ").")
    List<URI> hubs = new ArrayList<>();

    @Option(names = "--token", paramLabel = "TOKEN", description = "The token (default: $ROADIE_TOKEN; prefer the"
            + " variable: command lines are visible to other users).")
    String token;

    private Map<String, String> environment = System.getenv();

    /** Uses {@code environment} instead of the process environment, for tests. */
    void environment(Map<String, String> environment) {
        this.environment = environment;
    }

    /** The hubs to try, in order. */
    List<URI> hubs() {
        return hubs.isEmpty() ? List.of(URI.create(environment.getOrDefault("ROADIE_HUB", DEFAULT_HUB))) : hubs;
    }

    /** The token; a usage error when there is none. */
    String token() {
        String chosen = token != null ? token : environment.get("ROADIE_TOKEN");
        if (chosen == null || chosen.isBlank()) {
            throw new ParameterException(spec.commandLine(), "no token: set ROADIE_TOKEN or pass --token");
        }
        return chosen.strip();
    }
}
