package dev.roadie.hub.cluster;

import static dev.roadie.hub.testing.Frames.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The outbox sends what waits for one hub in one publish, in order, and every round in one write. */
class OutboxTest {

    /** A publisher that records what it is given; its first publish waits until {@link #release} is counted down. */
    static final class Recording implements Outbox.Publisher {
        final List<String> published = new CopyOnWriteArrayList<>();
        final AtomicInteger flushes = new AtomicInteger();
        final CountDownLatch firstTaken = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public CompletionStage<Long> publish(String hub, String text) {
            published.add(hub + " " + text);
            if (firstTaken.getCount() > 0) {
                firstTaken.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return CompletableFuture.completedFuture(1L);
        }

        @Override
        public void flush() {
            flushes.incrementAndGet();
        }
    }

    @Test
    void what_waits_while_a_round_is_sent_goes_in_one_publish_per_hub_in_order() throws InterruptedException {
        Recording publisher = new Recording();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        AtomicInteger told = new AtomicInteger();
        try (Outbox outbox = new Outbox(publisher, (doing, failed) -> failures.add(failed))) {
            outbox.send("b", "first", count -> told.incrementAndGet());
            assertThat(publisher.firstTaken.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 300; i++) {
                outbox.send(i % 10 == 0 ? "c" : "b", Envelope.answer("a", Reply.ok(Integer.toString(i), null)),
                        count -> told.incrementAndGet());
            }
            publisher.release.countDown();
            await("every envelope sent").atMost(Duration.ofSeconds(10)).until(() -> told.get() == 301);
        }

        assertThat(failures).isEmpty();
        assertThat(publisher.published.getFirst()).isEqualTo("b first");
        List<String> toB = new ArrayList<>();
        List<String> toC = new ArrayList<>();
        for (String publish : publisher.published.subList(1, publisher.published.size())) {
            String hub = publish.substring(0, 1);
            Envelope.Batch batch = (Envelope.Batch) Envelope.parse(publish.substring(2));
            for (Envelope envelope : batch.envelopes()) {
                (hub.equals("b") ? toB : toC).add(((Envelope.Answer) envelope).reply().re());
            }
        }
        assertThat(publisher.published).as("the first alone, then 270 for b in batches of at most 256, 30 for c in one")
                .hasSize(4);
        assertThat(toB).hasSize(270).isSortedAccordingTo((x, y) -> Integer.compare(Integer.parseInt(x), Integer.parseInt(y)));
        assertThat(toC).hasSize(30).isSortedAccordingTo((x, y) -> Integer.compare(Integer.parseInt(x), Integer.parseInt(y)));
        assertThat(publisher.flushes.get()).as("one write per round").isEqualTo(2);
    }

    @Test
    void a_batch_gives_back_each_envelope_as_it_was_written() {
        Message awkward = new Message(0, "m-1", new ServiceId("desktop", "alice"), Address.service("music-bot", "eu-1"),
                "player.note", json("{\"text\":\"two\\nlines, 12\\n and ünïcode ♫\"}"), false);
        List<ServiceId> to = List.of(new ServiceId("music-bot", "eu-1"));
        String batch = Envelope.batch(List.of(Envelope.deliver(to, awkward), Envelope.answer("hub-a",
                Reply.ok("call-1", null)), Envelope.deliver(to, awkward)));

        List<Envelope> envelopes = ((Envelope.Batch) Envelope.parse(batch)).envelopes();

        assertThat(envelopes).hasSize(3);
        assertThat(envelopes.get(0)).isEqualTo(new Envelope.Deliver(to, awkward));
        assertThat(((Envelope.Answer) envelopes.get(1)).reply().re()).isEqualTo("call-1");
        assertThat(envelopes.get(2)).isEqualTo(new Envelope.Deliver(to, awkward));
    }
}
