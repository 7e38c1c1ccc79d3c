package dev.roadie.companion.pairing;

import dev.roadie.model.wire.FrameCodec;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** {@link PairingApi} over HTTP with the JDK's client. */
public final class HttpPairingApi implements PairingApi {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String kind;

    /** Pairs as a {@code desktop}. */
    public HttpPairingApi() {
        this("desktop");
    }

    /** Pairs as {@code kind}: {@code desktop}, {@code mobile} or {@code extension} (docs/PAIRING.md). */
    public HttpPairingApi(String kind) {
        this.kind = kind;
    }

    @Override
    public PairingStart start(HubAddress hub, String name, String platform) throws PairingFailedException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("name", name);
        body.put("platform", platform);
        HttpResponse<String> response = post(hub, "/api/pair/start", body);
        JsonNode json = json(hub, response);
        if (response.statusCode() == 429) {
            throw new PairingFailedException("The hub at " + hub + " refuses pairing for a while (too many attempts): try again in "
                    + response.headers().firstValue("Retry-After").orElse("60") + " seconds");
        }
        if (response.statusCode() != 200) {
            throw new PairingFailedException("The hub at " + hub + " refused to start pairing: "
                    + json.path("message").asString(json.toString()));
        }
        return new PairingStart(json.path("device_code").asString(), json.path("user_code").asString(),
                json.path("verification_uri").asString(), Duration.ofSeconds(json.path("expires_in").asLong(600)),
                Duration.ofSeconds(json.path("interval").asLong(5)));
    }

    @Override
    public PollAnswer poll(HubAddress hub, String deviceCode) throws PairingFailedException {
        HttpResponse<String> response = post(hub, "/api/pair/token", Map.of("device_code", deviceCode,
                "grant_type", DEVICE_GRANT));
        return answer(hub, response, "a pairing poll");
    }

    private static PollAnswer answer(HubAddress hub, HttpResponse<String> response, String what)
            throws PairingFailedException {
        if (response.statusCode() == 429) {
            return new PollAnswer.RateLimited(Duration.ofSeconds(
                    Long.parseLong(response.headers().firstValue("Retry-After").orElse("60"))));
        }
        JsonNode json = json(hub, response);
        if (response.statusCode() == 200) {
            return new PollAnswer.Approved(json.path("access_token").asString());
        }
        String error = json.path("error").asString("");
        return switch (error) {
            case "authorization_pending" -> new PollAnswer.Pending(false);
            case "slow_down" -> new PollAnswer.Pending(true);
            case "access_denied" -> new PollAnswer.Denied();
            case "expired_token", "invalid_grant" -> new PollAnswer.Expired(error);
            default -> throw new PairingFailedException("The hub at " + hub + " answered HTTP " + response.statusCode()
                    + " to " + what + ": " + json);
        };
    }

    /**
     * {@code POST /api/pair/redeem}: the owner's invite {@code code} ({@code roadie pair invite},
     * the link {@code roadie://pair?hub=...&code=...}) for a token, at once. The answers are
     * those of a poll: {@link PollAnswer.Approved} with the token, {@link PollAnswer.Expired} for
     * a used, unknown or expired code, {@link PollAnswer.RateLimited} over the hub's limits.
     */
    public PollAnswer redeem(HubAddress hub, String code, String name, String platform) throws PairingFailedException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("platform", platform);
        return answer(hub, post(hub, "/api/pair/redeem", body), "an invite");
    }

    private HttpResponse<String> post(HubAddress hub, String path, Map<String, String> body)
            throws PairingFailedException {
        HttpRequest request = HttpRequest.newBuilder(hub.api(path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(FrameCodec.DEFAULT.mapper().writeValueAsString(body)))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpTimeoutException e) {
            throw unreachable(hub, e);
        } catch (IOException e) {
            throw unreachable(hub, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PairingFailedException("Pairing was stopped", e);
        }
    }

    private static PairingFailedException unreachable(HubAddress hub, Exception e) {
        return new PairingFailedException("Cannot reach the hub at " + hub
                + ": check the address, and that the hub runs and this computer can reach it", e);
    }

    private static JsonNode json(HubAddress hub, HttpResponse<String> response) throws PairingFailedException {
        try {
            return FrameCodec.DEFAULT.mapper().readTree(response.body());
        } catch (JacksonException e) {
            throw new PairingFailedException(hub + " does not answer as a Roadie hub (HTTP " + response.statusCode()
                    + ", not JSON): check the address", e);
        }
    }
}
