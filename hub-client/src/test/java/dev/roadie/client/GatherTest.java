package dev.roadie.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.client.testing.Clients;
import dev.roadie.client.testing.LiveHub;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.GatherMode;
import dev.roadie.model.wire.ReplyStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatherTest {

    @TempDir
    Path data;
    LiveHub hub;
    Clients clients;
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() {
        hub = LiveHub.start(data);
        clients = new Clients();
        clients.connect(hub, "a", "worker").handle("health", request -> Map.of("healthy", true));
        clients.connect(hub, "b", "worker").handle("health", request -> {
            throw new RequestFailedException("disk-full", "no space left");
        });
        clients.connect(hub, "c", "worker").handle("health", request -> {
            // Answers only when the test ends: long after the gather's deadline.
            release.await(30, TimeUnit.SECONDS);
            return "late";
        });
    }

    @AfterEach
    void stop() {
        release.countDown();
        clients.close();
        hub.close();
    }

    @Test
    void gather_all_reports_ok_error_and_timeout_per_receiver() throws Exception {
        RoadieClient admin = clients.connect(hub, "ops", "desktop", "send:worker");

        GatherResult result = admin.gather(Address.everyOf("worker"), "health", null, Duration.ofMillis(700),
                GatherMode.ALL, 0).get(15, TimeUnit.SECONDS);

        Map<String, GatherAnswer> byName = result.answers().stream()
                .collect(Collectors.toMap(a -> a.service().name(), Function.identity()));
        assertThat(result.complete()).isTrue();
        assertThat(byName).containsOnlyKeys("a", "b", "c");
        assertThat(byName.get("a").status()).isEqualTo(ReplyStatus.OK);
        assertThat(byName.get("a").body().get("healthy").asBoolean()).isTrue();
        assertThat(byName.get("b").status()).isEqualTo(ReplyStatus.ERROR);
        assertThat(byName.get("b").error().code()).isEqualTo("disk-full");
        assertThat(byName.get("c").status()).isEqualTo(ReplyStatus.TIMEOUT);
        assertThat(result.ok()).extracting(GatherAnswer::service).containsExactly(new ServiceId("worker", "a"));
    }

    @Test
    void gather_first_answers_at_the_first_ok() {
        RoadieClient admin = clients.connect(hub, "ops", "desktop", "send:worker");

        GatherResult result = admin.gatherBlocking(Address.everyOf("worker"), "health", null, Duration.ofSeconds(10),
                GatherMode.FIRST, 0);

        assertThat(result.mode()).isEqualTo(GatherMode.FIRST);
        assertThat(result.ok()).hasSize(1);
        assertThat(result.answers()).hasSize(3);
    }

    @Test
    void gather_quorum_out_of_reach_reports_incomplete() {
        RoadieClient admin = clients.connect(hub, "ops", "desktop", "send:worker");

        GatherResult result = admin.gatherBlocking(Address.everyOf("worker"), "health", null, Duration.ofSeconds(10),
                GatherMode.QUORUM, 3);

        // b fails: three ok answers can no longer happen, so the hub answers without waiting for c.
        assertThat(result.complete()).isFalse();
        assertThat(result.withStatus(ReplyStatus.ERROR)).hasSize(1);
        assertThat(result.answers()).hasSize(3);
    }
}
