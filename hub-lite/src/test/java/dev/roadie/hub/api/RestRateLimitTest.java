package dev.roadie.hub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.WireClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A token is held to the same rate over REST as a connection on the socket. */
class RestRateLimitTest {
    static final String SEND = "{\"to\":\"topic:news\",\"subject\":\"note\"}";

    // A burst of 3, then one call a second: a quick run of calls is over the rate by its fourth.
    @RegisterExtension
    final HubExtension hub = HubExtension.with(Map.of("limits.framesPerSecond", "1", "limits.frameBurst", "3"));
    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> send(String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/api/send"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(15)).POST(HttpRequest.BodyPublishers.ofString(SEND)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_token_over_its_rate_is_answered_429_with_retry_after_and_others_are_not() {
        String alice = hub.token("alice", "desktop", "publish:news");
        String bob = hub.token("bob", "desktop", "publish:news");

        List<HttpResponse<String>> burst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            burst.add(send(alice));
        }

        assertThat(burst.subList(0, 3)).allMatch(r -> r.statusCode() == 202);
        HttpResponse<String> refused = burst.get(4);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(refused.body()).contains("\"code\":\"rate-limited\"").contains("limits.framesPerSecond");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 2L));
        assertThat(send(bob).statusCode()).isEqualTo(202);
    }

    @Test
    void a_token_that_waits_as_told_is_served_again() {
        String alice = hub.token("alice", "desktop", "publish:news");
        HttpResponse<String> last = send(alice);
        for (int i = 0; i < 20 && last.statusCode() == 202; i++) {
            last = send(alice);
        }
        assertThat(last.statusCode()).isEqualTo(429);

        await().atMost(WireClient.WAIT).pollInterval(Duration.ofMillis(250))
                .until(() -> send(alice).statusCode() == 202);
    }
}
