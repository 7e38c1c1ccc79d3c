package dev.roadie.node.retire;

import dev.roadie.node.retire.DigitalOceanSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built-in DigitalOcean retire action: creates the replacement droplet from a snapshot
 * when one is configured, then deletes this node's droplet. In that order because deleting the
 * droplet ends this agent too.
 */
public final class DigitalOceanDroplets implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DigitalOceanDroplets.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final DigitalOceanSettings settings;
    private final HttpClient http;

    /** @param executor runs the HTTP client's work; the caller owns and closes it */
    public DigitalOceanDroplets(DigitalOceanSettings settings, Executor executor) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(CALL_TIMEOUT).executor(executor).build();
    }

    public void run(RetiredNode node, boolean dryRun) throws RetireActionException {
        DigitalOceanSettings.Replacement replacement = settings.replacement();
        if (replacement != null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", replacement.name());
            body.put("region", replacement.region());
            body.put("size", replacement.size());
            // A snapshot is named by its numeric id, a public image by its slug.
            body.put("image", replacement.snapshot().matches("\\d+") ? Long.parseLong(replacement.snapshot())
                    : replacement.snapshot());
            body.put("ipv6", true);
            if (!replacement.tags().isEmpty()) {
                body.put("tags", replacement.tags());
            }
            String json = JSON.writeValueAsString(body);
            if (dryRun) {
                log.info("dry run: would POST {}/v2/droplets {}", settings.apiBase(), json);
            } else {
                JsonNode created = call("POST", "/v2/droplets", json, 202);
                log.info("created the replacement droplet {} ({}) for {}", created.path("droplet").path("id").asString(),
                        replacement.name(), node.name());
            }
        }
        if (dryRun) {
            log.info("dry run: would DELETE {}/v2/droplets/{}", settings.apiBase(), settings.dropletId());
            return;
        }
        call("DELETE", "/v2/droplets/" + settings.dropletId(), null, 204);
        log.info("deleted droplet {} of node {}", settings.dropletId(), node.name());
    }

    private JsonNode call(String method, String path, String json, int expected) throws RetireActionException {
        URI uri = URI.create(settings.apiBase().toString().replaceAll("/+$", "") + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(CALL_TIMEOUT)
                .header("Authorization", "Bearer " + settings.token()).header("Content-Type", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RetireActionException("DigitalOcean did not answer " + method + " " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetireActionException("interrupted while calling DigitalOcean", e);
        }
        if (response.statusCode() != expected) {
            throw new RetireActionException("DigitalOcean answered HTTP " + response.statusCode() + " to " + method + " "
                    + path + ": " + response.body());
        }
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    /** Closes the HTTP client (its connections); the executor stays the caller's. */
    @Override
    public void close() {
        http.close();
    }
}
