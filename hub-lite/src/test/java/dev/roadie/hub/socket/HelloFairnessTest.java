package dev.roadie.hub.socket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.wire.Frame;
import dev.roadie.model.wire.Goodbye;
import dev.roadie.model.wire.Hello;
import dev.roadie.model.wire.Welcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hello budget is shared fairly: one token, or one address, that says hello in a loop uses
 * up its own budget and not the hub's, so that everyone else still gets in.
 */
class HelloFairnessTest {
    @RegisterExtension
    final HubExtension hub = HubExtension.startedByEachTest();

    /** Connects (through a proxy naming {@code forwardedFor}, unless null), says hello and returns the answer: a welcome or a goodbye. */
    Frame hello(String token, String forwardedFor) {
        WireClient client = forwardedFor == null ? WireClient.connect(hub.port())
                : WireClient.connect(hub.port(), Map.of("X-Forwarded-For", forwardedFor));
        try (client) {
            client.sendFrame(new Hello(token, null, null, null, 1, "fairness-test"));
            Frame answer = client.expect(Frame.class, f -> f instanceof Welcome || f instanceof Goodbye);
            if (answer instanceof Goodbye) {
                assertThat(client.awaitClose()).isEqualTo(4029);
            }
            return answer;
        }
    }

    static long welcomes(List<Frame> answers) {
        return answers.stream().filter(Welcome.class::isInstance).count();
    }

    @Test
    void one_token_saying_hello_in_a_loop_does_not_use_up_the_budget_of_the_others() {
        // A hub-wide budget of 20 that barely refills during the test; a token may take 3 of it.
        hub.start(Map.of("sessions.hellosPerSecond", "1", "sessions.helloBurst", "20",
                "sessions.hellosPerSecondPerToken", "1", "sessions.helloBurstPerToken", "3"));
        String looping = hub.token("looping", "desktop");
        List<Frame> loop = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            loop.add(hello(looping, null));
        }

        List<Frame> others = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            others.add(hello(hub.token("client-" + i, "desktop"), null));
        }

        assertThat(welcomes(loop)).as("the looping token gets its own burst and little more").isBetween(3L, 5L);
        assertThat(others).as("every other client gets in").allMatch(Welcome.class::isInstance);
        Goodbye refused = (Goodbye) loop.get(loop.size() - 1);
        assertThat(refused.reason()).isEqualTo("busy");
        assertThat(refused.reconnectMs()).as("told when to come back").isPositive();
    }

    @Test
    void one_address_saying_hello_with_many_tokens_does_not_use_up_the_budget_of_other_addresses() {
        hub.start(Map.of("http.trustedProxies", "127.0.0.1", "sessions.hellosPerSecond", "1",
                "sessions.helloBurst", "20", "sessions.hellosPerSecondPerAddress", "1",
                "sessions.helloBurstPerAddress", "5"));
        List<Frame> crowd = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            crowd.add(hello(hub.token("crowd-" + i, "desktop"), "203.0.113.7"));
        }

        List<Frame> elsewhere = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            elsewhere.add(hello(hub.token("elsewhere-" + i, "desktop"), "198.51.100." + (i + 1)));
        }

        assertThat(welcomes(crowd)).as("one address gets its own burst and little more").isBetween(5L, 7L);
        assertThat(elsewhere).as("clients of other addresses get in").allMatch(Welcome.class::isInstance);
    }

    @Test
    void a_hello_refused_by_the_hub_wide_budget_does_not_cost_its_token_anything() {
        hub.start(Map.of("sessions.hellosPerSecond", "1", "sessions.helloBurst", "1",
                "sessions.hellosPerSecondPerToken", "1", "sessions.helloBurstPerToken", "1"));
        assertThat(hello(hub.token("first", "desktop"), null)).isInstanceOf(Welcome.class);
        String patient = hub.token("patient", "desktop");

        assertThat(hello(patient, null)).as("the hub is busy").isInstanceOf(Goodbye.class);

        // Once the hub-wide budget refills, the token's own budget of 1 is still there.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .pollInterval(java.time.Duration.ofMillis(300))
                .until(() -> hello(patient, null) instanceof Welcome);
    }
}
