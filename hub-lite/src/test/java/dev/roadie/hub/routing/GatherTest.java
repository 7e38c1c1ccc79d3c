package dev.roadie.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Gather;
import dev.roadie.model.wire.GatherMode;
import dev.roadie.model.wire.GatherResult;
import dev.roadie.model.wire.GatherResult.ReceiverResult;
import dev.roadie.model.wire.Reply;
import dev.roadie.model.wire.ReplyStatus;
import dev.roadie.model.wire.Request;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GatherTest {
    @RegisterExtension
    final HubExtension hub = HubExtension.withDefaults();

    WireClient node(String name) {
        return hub.client(name, "audio-node");
    }

    WireClient bot() {
        return hub.client("eu-1", "music-bot", "send:audio-node");
    }

    static Map<String, ReceiverResult> byName(GatherResult result) {
        return result.results().stream().collect(Collectors.toMap(r -> r.service().name(), r -> r));
    }

    static Reply ok(Request request) {
        return Reply.ok(request.id(), FrameCodec.DEFAULT.mapper().readTree("{\"healthy\":true}"));
    }

    @Test
    void gather_reports_ok_error_timeout_and_gone_per_receiver() throws InterruptedException {
        node("answers").respondWith(GatherTest::ok);
        node("fails").respondWith(request -> Reply.failed(request.id(), ReplyStatus.ERROR, "overloaded", "too busy"));
        node("silent");
        CountDownLatch asked = new CountDownLatch(1);
        WireClient leaving = node("leaves").respondWith(request -> {
            asked.countDown();
            return null;
        });
        WireClient bot = bot();

        // Generous: the leaver's close must reach the hub before the deadline, even on a loaded machine.
        bot.sendNumbered(new Gather(0, "g-1", Address.everyOf("audio-node"), "health", null, 4000, GatherMode.ALL, 0));
        asked.await();
        leaving.close();

        GatherResult result = bot.expect(GatherResult.class);
        assertThat(result.re()).isEqualTo("g-1");
        assertThat(result.complete()).isTrue();
        Map<String, ReceiverResult> results = byName(result);
        assertThat(results).hasSize(4);
        assertThat(results.get("answers").status()).isEqualTo(ReplyStatus.OK);
        assertThat(results.get("answers").body().get("healthy").asBoolean()).isTrue();
        assertThat(results.get("fails").status()).isEqualTo(ReplyStatus.ERROR);
        assertThat(results.get("fails").error().code()).isEqualTo("overloaded");
        assertThat(results.get("silent").status()).isEqualTo(ReplyStatus.TIMEOUT);
        assertThat(results.get("leaves").status()).isEqualTo(ReplyStatus.GONE);
        assertThat(results.get("answers").service()).isEqualTo(new ServiceId("audio-node", "answers"));
    }

    @Test
    void gather_first_answers_at_the_first_ok_without_waiting_for_the_silent() {
        node("silent");
        node("answers").respondWith(GatherTest::ok);
        WireClient bot = bot();

        bot.sendNumbered(new Gather(0, "g-2", Address.everyOf("audio-node"), "health", null, 60_000,
                GatherMode.FIRST, 0));

        GatherResult result = bot.expect(GatherResult.class);
        assertThat(result.complete()).isFalse();
        assertThat(byName(result).get("answers").status()).isEqualTo(ReplyStatus.OK);
        assertThat(byName(result).get("silent").status()).isEqualTo(ReplyStatus.TIMEOUT);
        assertThat(byName(result).get("silent").error().message()).contains("not waited for");
    }

    @Test
    void gather_quorum_answers_once_enough_receivers_said_ok() {
        node("a").respondWith(GatherTest::ok);
        node("b").respondWith(GatherTest::ok);
        node("silent");
        WireClient bot = bot();

        bot.sendNumbered(new Gather(0, "g-3", Address.everyOf("audio-node"), "health", null, 60_000,
                GatherMode.QUORUM, 2));

        GatherResult result = bot.expect(GatherResult.class);
        assertThat(result.okCount()).isEqualTo(2);
        assertThat(result.complete()).isFalse();
    }

    @Test
    void gather_quorum_gives_up_as_soon_as_the_quorum_is_out_of_reach() {
        node("a").respondWith(request -> Reply.failed(request.id(), ReplyStatus.ERROR, "no", "no"));
        node("b").respondWith(request -> Reply.failed(request.id(), ReplyStatus.NO_HANDLER, "no-handler", "none"));
        node("c").respondWith(GatherTest::ok);
        WireClient bot = bot();

        bot.sendNumbered(new Gather(0, "g-4", Address.everyOf("audio-node"), "health", null, 60_000,
                GatherMode.QUORUM, 2));

        GatherResult result = bot.expect(GatherResult.class);
        assertThat(result.okCount()).isLessThan(2);
        assertThat(byName(result).get("b").status()).isIn(ReplyStatus.NO_HANDLER, ReplyStatus.TIMEOUT);
    }

    @Test
    void gather_with_nobody_to_ask_answers_at_once_with_no_results() {
        WireClient bot = bot();

        bot.sendNumbered(new Gather(0, "g-5", Address.everyOf("audio-node"), "health", null, 60_000, GatherMode.ALL, 0));

        GatherResult result = bot.expect(GatherResult.class);
        assertThat(result.results()).isEmpty();
        assertThat(result.complete()).isTrue();
    }

    @Test
    void gather_snapshots_the_receivers_when_it_arrives() {
        node("early").respondWith(GatherTest::ok);
        WireClient bot = bot();
        bot.sendNumbered(new Gather(0, "g-6", Address.everyOf("audio-node"), "health", null, 60_000, GatherMode.ALL, 0));
        GatherResult first = bot.expect(GatherResult.class);

        node("late").respondWith(GatherTest::ok);

        assertThat(first.results()).extracting(r -> r.service().name()).containsExactly("early");
    }
}
