package dev.roadie.agent.lavalink;

import dev.roadie.model.registry.NodeStats;
import dev.roadie.node.health.FailingAddress;
import dev.roadie.node.health.RoutePlannerStatus;
import dev.roadie.node.hub.NodeInfo;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a Lavalink v4 node over its REST API, with the password in the {@code Authorization}
 * header as Lavalink expects (no "Bearer").
 */
public final class LavalinkApi implements AutoCloseable {
    // Lavalink adds fields between versions; the agent reads only what it knows.
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final URI base;
    private final String password;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param executor runs the HTTP client's work; the caller owns and closes it
     */
    public LavalinkApi(URI base, String password, Duration timeout, Executor executor) {
        this.base = base;
        this.password = password;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).executor(executor).build();
    }

    /** {@code GET /v4/info}. */
    public NodeInfo info() throws NodeUnreachableException {
        JsonNode root = get("/v4/info").orElseThrow(() -> new NodeUnreachableException("/v4/info answered nothing"));
        List<NodeInfo.Plugin> plugins = new ArrayList<>();
        root.path("plugins").forEach(p -> plugins.add(new NodeInfo.Plugin(p.path("name").asString(),
                p.path("version").asString())));
        return new NodeInfo(root.path("version").path("semver").asString(), strings(root.path("sourceManagers")),
                strings(root.path("filters")), plugins);
    }

    /** {@code GET /v4/stats}, in the registry's stats shape (the same as Lavalink's). */
    public NodeStats stats() throws NodeUnreachableException {
        JsonNode root = get("/v4/stats").orElseThrow(() -> new NodeUnreachableException("/v4/stats answered nothing"));
        try {
            return JSON.treeToValue(root, NodeStats.class);
        } catch (JacksonException e) {
            throw new NodeUnreachableException("/v4/stats is not Lavalink's stats: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code GET /v4/routeplanner/status}; empty when the node has no route planner (204). */
    public Optional<RoutePlannerStatus> routePlanner() throws NodeUnreachableException {
        Optional<JsonNode> answer = get("/v4/routeplanner/status");
        if (answer.isEmpty() || answer.get().path("class").isNull() || answer.get().path("class").isMissingNode()) {
            return Optional.empty();
        }
        JsonNode root = answer.get();
        JsonNode details = root.path("details");
        List<FailingAddress> failing = new ArrayList<>();
        details.path("failingAddresses").forEach(f -> failing.add(new FailingAddress(f.path("failingAddress").asString(),
                f.path("failingTimestamp").asLong())));
        JsonNode blockIndex = details.path("blockIndex");
        try {
            return Optional.of(new RoutePlannerStatus(root.path("class").asString(),
                    details.path("ipBlock").path("type").asString(),
                    new BigInteger(details.path("ipBlock").path("size").asString()), failing,
                    blockIndex.isMissingNode() || blockIndex.isNull() ? null : new BigInteger(blockIndex.asString())));
        } catch (NumberFormatException e) {
            throw new NodeUnreachableException("/v4/routeplanner/status has a block size or index that is not a"
                    + " decimal number: " + details, e);
        }
    }

    private Optional<JsonNode> get(String path) throws NodeUnreachableException {
        URI uri = base.resolve(path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", password)
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new NodeUnreachableException("Lavalink at " + base + " did not answer " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeUnreachableException("interrupted while reading " + uri, e);
        }
        if (response.statusCode() == 204) {
            return Optional.empty();
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new NodeUnreachableException("Lavalink refused the password (HTTP " + response.statusCode()
                    + "): set node.password to lavalink.server.password");
        }
        if (response.statusCode() != 200) {
            throw new NodeUnreachableException("Lavalink answered HTTP " + response.statusCode() + " to " + path);
        }
        try {
            return Optional.of(JSON.readTree(response.body()));
        } catch (JacksonException e) {
            throw new NodeUnreachableException(path + " did not answer JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    /** Closes the HTTP client (its connections); the executor stays the caller's. */
    @Override
    public void close() {
        http.close();
    }
}
