package dev.roadie.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hubs a welcome lists join the ones a client was given, and never weaken it. */
class AttemptPlanLearnTest {

    static AttemptPlan plan(String... hubs) {
        return new AttemptPlan(List.of(hubs).stream().map(URI::create).toList(),
                host -> List.of(InetAddress.getLoopbackAddress()), "test");
    }

    @Test
    void socket_urls_a_welcome_lists_are_added_after_the_given_hubs_once_each() {
        AttemptPlan plan = plan("ws://a.example.org:7070/ws");

        plan.learn(List.of("ws://a.example.org:7070/ws", "ws://b.example.org:7070/ws", "https://c.example.org/ws",
                "ws://d.example.org:7070/other", "not a uri at all", "ws://b.example.org:7070/ws"));

        assertThat(plan.hubs()).containsExactly(URI.create("ws://a.example.org:7070/ws"),
                URI.create("ws://b.example.org:7070/ws"));
    }

    @Test
    void a_client_given_a_wss_hub_takes_no_plain_ws_hub_from_a_welcome() {
        AttemptPlan plan = plan("wss://a.example.org/ws");

        plan.learn(List.of("ws://b.example.org:7070/ws", "wss://c.example.org/ws"));

        assertThat(plan.hubs()).containsExactly(URI.create("wss://a.example.org/ws"), URI.create("wss://c.example.org/ws"));
    }

    @Test
    void at_most_sixteen_hubs_are_learned() {
        AttemptPlan plan = plan("ws://a.example.org:7070/ws");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add("ws://hub-" + i + ".example.org:7070/ws");
        }

        plan.learn(many);

        assertThat(plan.hubs()).hasSize(1 + AttemptPlan.MAX_LEARNED);
    }

    @Test
    void a_learned_hub_is_tried_after_the_given_one_fails() {
        AttemptPlan plan = plan("ws://a.example.org:7070/ws");
        plan.learn(List.of("ws://b.example.org:7070/ws"));

        plan.restart();

        assertThat(plan.next().hub()).isEqualTo(URI.create("ws://a.example.org:7070/ws"));
        assertThat(plan.next().hub()).isEqualTo(URI.create("ws://b.example.org:7070/ws"));
        assertThat(plan.next()).isNull();
    }
}
