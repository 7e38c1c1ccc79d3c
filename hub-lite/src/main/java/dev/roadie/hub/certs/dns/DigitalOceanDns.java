package dev.roadie.hub.certs.dns;

import dev.roadie.model.wire.FrameCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * TXT records through DigitalOcean's DNS API (v2): the zone is the longest of the account's
 * domains that ends the name, the record is created with a short TTL, remembered by its id and
 * deleted by it.
 */
public final class DigitalOceanDns implements DnsProvider {
    private static final Logger log = LoggerFactory.getLogger(DigitalOceanDns.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** The shortest TTL DigitalOcean accepts: a stale challenge value must not linger in caches. */
    private static final int TTL = 30;

    private final URI base;
    private final String token;
    private final HttpClient client;

    /**
     * @param apiUrl the API's base URL, {@code https://api.digitalocean.com} or a stand-in
     * @param token  a personal access token with write access to the domains
     */
    public DigitalOceanDns(String apiUrl, String token) {
        this.base = URI.create(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
        this.token = token;
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @Override
    public DnsRecord present(String fqdn, String value) throws DnsException {
        String zone = zoneOf(fqdn);
        String relative = fqdn.equals(zone) ? "@" : fqdn.substring(0, fqdn.length() - zone.length() - 1);
        ObjectNode body = FrameCodec.DEFAULT.mapper().createObjectNode();
        body.put("type", "TXT").put("name", relative).put("data", value).put("ttl", TTL);
        JsonNode created = call("POST", "v2/domains/" + zone + "/records", body.toString(), 201);
        JsonNode id = created.path("domain_record").path("id");
        if (!id.isNumber() && !id.isString()) {
            throw new DnsException("DigitalOcean created the TXT record " + fqdn + " but gave no record id");
        }
        log.debug("Created TXT {} in zone {} (record {})", fqdn, zone, id.asString());
        return new DnsRecord(fqdn, value, zone + "/" + id.asString());
    }

    @Override
    public void cleanUp(DnsRecord record) throws DnsException {
        int slash = record.id().lastIndexOf('/');
        String zone = record.id().substring(0, slash);
        String id = record.id().substring(slash + 1);
        call("DELETE", "v2/domains/" + zone + "/records/" + id, null, 204);
        log.debug("Deleted TXT {} (record {})", record.fqdn(), id);
    }

    /** The longest of the account's domains that {@code fqdn} is in. */
    private String zoneOf(String fqdn) throws DnsException {
        JsonNode answer = call("GET", "v2/domains?per_page=200", null, 200);
        String name = fqdn.toLowerCase(Locale.ROOT);
        String best = null;
        for (JsonNode domain : answer.path("domains")) {
            String zone = domain.path("name").asString("").toLowerCase(Locale.ROOT);
            if (!zone.isEmpty() && (name.equals(zone) || name.endsWith("." + zone))
                    && (best == null || zone.length() > best.length())) {
                best = zone;
            }
        }
        if (best == null) {
            throw new DnsException("none of the DigitalOcean account's domains holds " + fqdn
                    + "; add the domain to DigitalOcean's DNS or use another certs.dnsProvider");
        }
        return best;
    }

    private JsonNode call(String method, String path, String json, int expected) throws DnsException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DnsException("DigitalOcean's API at " + base + " could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DnsException("interrupted while calling DigitalOcean", e);
        }
        if (response.statusCode() != expected) {
            throw new DnsException("DigitalOcean answered " + method + " /" + path.replaceFirst("\\?.*", "") + " with "
                    + response.statusCode() + describe(response.body()) + advice(response.statusCode()));
        }
        if (response.body() == null || response.body().isBlank()) {
            return FrameCodec.DEFAULT.mapper().createObjectNode();
        }
        try {
            return FrameCodec.DEFAULT.mapper().readTree(response.body());
        } catch (JacksonException e) {
            throw new DnsException("DigitalOcean answered " + method + " /" + path + " with something not JSON", e);
        }
    }

    private static String describe(String body) {
        try {
            JsonNode error = FrameCodec.DEFAULT.mapper().readTree(body);
            String id = error.path("id").asString("");
            String message = error.path("message").asString("");
            return id.isEmpty() && message.isEmpty() ? "" : " " + id + ": " + message;
        } catch (JacksonException | IllegalArgumentException e) {
            return "";
        }
    }

    private static String advice(int status) {
        return switch (status) {
            case 401 -> " (check certs.digitalocean.token)";
            case 403 -> " (the token needs write access to the domain)";
            case 429 -> " (rate-limited; the hub retries later)";
            default -> "";
        };
    }

    @Override
    public String toString() {
        return "DigitalOceanDns[" + base + "]";
    }
}
