package dev.roadie.hub.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class OutboundTest {
    /** A link that records what is written and completes nothing unless told. */
    static final class RecordingLink implements ClientLink {
        final List<String> sent = new ArrayList<>();
        final List<Runnable> completions = new ArrayList<>();

        @Override
        public void send(String text, Runnable done, Consumer<Throwable> failed) {
            sent.add(text);
            completions.add(done);
        }

        @Override
        public void close(int code, String reason) {
        }
    }

    static final SessionLimits LIMITS = new SessionLimits(100, 100, 400, 50, 1 << 20, 10, 10);

    static PreparedFrame message(String id) {
        return PreparedFrame.of(new Message(0, id, null, Address.everyone(), "s", null, false));
    }

    static PreparedFrame big(String id, int chars) {
        return PreparedFrame.of(new Message(0, id, null, Address.everyone(), "s",
                dev.roadie.model.wire.FrameCodec.DEFAULT.toTree("x".repeat(chars)), false));
    }

    @Test
    void a_closed_stream_takes_no_link_and_writes_nothing() {
        RecordingLink first = new RecordingLink();
        Outbound outbound = outbound(first, 0, System.nanoTime());
        outbound.close();
        RecordingLink second = new RecordingLink();

        Outbound.Attached attached = outbound.attach(second, 0, "{\"type\":\"welcome\"}");

        assertThat(attached.result()).isEqualTo(Outbound.Result.CLOSED);
        assertThat(second.sent).isEmpty();
        assertThat(outbound.isLink(second)).isFalse();
        assertThat(outbound.deliver(message("late"), 0)).isEqualTo(Outbound.Result.CLOSED);
    }

    @Test
    void a_resume_writes_the_welcome_then_what_was_not_acknowledged_in_order_and_names_the_old_link() {
        RecordingLink first = new RecordingLink();
        Outbound outbound = outbound(first, 0, System.nanoTime());
        outbound.deliver(message("a"), 0);
        outbound.deliver(message("b"), 0);
        outbound.deliver(message("c"), 0);
        RecordingLink second = new RecordingLink();

        Outbound.Attached attached = outbound.attach(second, 1, "WELCOME");

        assertThat(attached.replaced()).isSameAs(first);
        assertThat(second.sent).hasSize(3);
        assertThat(second.sent.get(0)).isEqualTo("WELCOME");
        assertThat(second.sent.get(1)).contains("\"seq\":2", "\"id\":\"b\"");
        assertThat(second.sent.get(2)).contains("\"seq\":3", "\"id\":\"c\"");
        assertThat(outbound.isLink(first)).isFalse();
    }

    @Test
    void bytes_stuck_in_an_old_link_do_not_count_against_the_new_one() {
        RecordingLink stuck = new RecordingLink(); // never completes: its bytes stay queued
        Outbound outbound = outbound(stuck, 0, System.nanoTime());
        assertThat(outbound.deliver(big("x", 250), 0)).isEqualTo(Outbound.Result.SENT);
        outbound.acknowledged(1);
        RecordingLink fresh = new RecordingLink();
        outbound.attach(fresh, 1, "W");
        fresh.completions.forEach(Runnable::run);

        // Counted together, the stuck 300-odd bytes and these would pass maxPendingBytes (400).
        assertThat(outbound.deliver(big("y", 250), 0)).isEqualTo(Outbound.Result.SENT);
    }

    @Test
    void durable_acknowledgements_are_reported_for_each_acknowledged_durable_frame() {
        List<Long> delivered = new ArrayList<>();
        Outbound outbound = new Outbound(new RecordingLink(), LIMITS, delivered::add, 0, nanos -> { },
                System.nanoTime());
        outbound.deliver(message("plain"), 0);
        outbound.deliver(message("durable"), 42);
        outbound.deliver(message("later"), 43);

        outbound.acknowledged(2);

        assertThat(delivered).containsExactly(42L);
    }

    static final long DELAY = 5_000_000;

    @Test
    void an_ack_is_written_at_once_when_none_was_within_the_delay_else_once_at_its_end_for_the_highest() {
        RecordingLink link = new RecordingLink();
        List<Long> flushesAsked = new ArrayList<>();
        long start = 1_000_000_000L;
        Outbound outbound = new Outbound(link, LIMITS, id -> { }, DELAY, flushesAsked::add, start);

        assertThat(outbound.ackProcessed(1, start)).isEqualTo(Outbound.Result.SENT);
        assertThat(outbound.ackProcessed(2, start + 1_000_000)).isEqualTo(Outbound.Result.DELAYED);
        assertThat(outbound.ackProcessed(3, start + 2_000_000)).isEqualTo(Outbound.Result.DELAYED);

        assertThat(link.sent).containsExactly("{\"type\":\"ack\",\"seq\":1}");
        assertThat(flushesAsked).as("one flush, due a delay after the last ack").containsExactly(DELAY - 1_000_000);

        assertThat(outbound.flushAck(start + DELAY)).isEqualTo(Outbound.Result.SENT);
        assertThat(outbound.ackProcessed(4, start + DELAY + 1)).isEqualTo(Outbound.Result.DELAYED);
        assertThat(outbound.flushAck(start + 2 * DELAY)).isEqualTo(Outbound.Result.SENT);
        assertThat(outbound.flushAck(start + 3 * DELAY)).as("nothing left to ack").isEqualTo(Outbound.Result.SENT);
        assertThat(outbound.ackProcessed(5, start + 5 * DELAY)).as("quiet again").isEqualTo(Outbound.Result.SENT);

        assertThat(link.sent).containsExactly("{\"type\":\"ack\",\"seq\":1}", "{\"type\":\"ack\",\"seq\":3}",
                "{\"type\":\"ack\",\"seq\":4}", "{\"type\":\"ack\",\"seq\":5}");
        assertThat(flushesAsked).containsExactly(DELAY - 1_000_000, DELAY - 1);
    }

    @Test
    void a_late_flush_finds_its_ack_written_already_by_a_frame_after_the_delay() {
        RecordingLink link = new RecordingLink();
        long start = 1_000_000_000L;
        Outbound outbound = outbound(link, DELAY, start);
        outbound.ackProcessed(1, start);
        outbound.ackProcessed(2, start + 1);

        assertThat(outbound.ackProcessed(3, start + DELAY)).isEqualTo(Outbound.Result.SENT);
        assertThat(outbound.flushAck(start + DELAY + 1)).isEqualTo(Outbound.Result.SENT);

        assertThat(link.sent).containsExactly("{\"type\":\"ack\",\"seq\":1}", "{\"type\":\"ack\",\"seq\":3}");
    }

    @Test
    void with_no_delay_every_frame_is_acked_at_once_with_its_number() {
        RecordingLink link = new RecordingLink();
        List<Long> flushesAsked = new ArrayList<>();
        long start = System.nanoTime();
        Outbound outbound = new Outbound(link, LIMITS, id -> { }, 0, flushesAsked::add, start);

        for (long seq = 1; seq <= 3; seq++) {
            assertThat(outbound.ackProcessed(seq, start)).isEqualTo(Outbound.Result.SENT);
        }

        assertThat(link.sent).containsExactly("{\"type\":\"ack\",\"seq\":1}", "{\"type\":\"ack\",\"seq\":2}",
                "{\"type\":\"ack\",\"seq\":3}");
        assertThat(flushesAsked).isEmpty();
    }

    @Test
    void an_ack_due_when_the_link_is_lost_is_dropped_and_nothing_is_acked_without_a_link() {
        RecordingLink first = new RecordingLink();
        long start = 1_000_000_000L;
        Outbound outbound = outbound(first, DELAY, start);
        outbound.ackProcessed(1, start);
        outbound.ackProcessed(2, start + 1);
        outbound.detach(first);

        assertThat(outbound.flushAck(start + DELAY)).isEqualTo(Outbound.Result.BUFFERED);
        assertThat(outbound.ackProcessed(3, start + 2 * DELAY)).isEqualTo(Outbound.Result.BUFFERED);
        RecordingLink second = new RecordingLink();
        outbound.attach(second, 0, "{\"type\":\"welcome\"}");
        assertThat(outbound.flushAck(start + 3 * DELAY)).isEqualTo(Outbound.Result.SENT);

        assertThat(first.sent).containsExactly("{\"type\":\"ack\",\"seq\":1}");
        assertThat(second.sent).as("the welcome says how far the hub got").containsExactly("{\"type\":\"welcome\"}");
    }

    @Test
    void an_ack_forgets_frames_while_a_write_to_the_socket_is_still_in_progress() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ClientLink slow = new ClientLink() {
            @Override
            public void send(String text, Runnable sent, Consumer<Throwable> failed) {
                if (text.contains("\"id\":\"stuck\"")) {
                    writing.countDown();
                    try {
                        // Stands for a socket write whose thread lost its core: the write lock stays held.
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                sent.run();
            }

            @Override
            public void close(int code, String reason) {
            }
        };
        Outbound outbound = outbound(slow, 0, System.nanoTime());
        outbound.deliver(message("first"), 0);
        Thread writer = Thread.ofPlatform().start(() -> outbound.deliver(message("stuck"), 0));
        try {
            assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Integer> acked = CompletableFuture.supplyAsync(() -> {
                outbound.acknowledged(1);
                return outbound.unackedCount();
            });

            assertThat(acked.get(5, TimeUnit.SECONDS)).as("only the frame being written is left").isEqualTo(1);
        } finally {
            release.countDown();
            writer.join(5_000);
        }
    }

    /** A stream whose acks and durable deliveries nobody watches. */
    private static Outbound outbound(ClientLink link, long ackDelayNanos, long nowNanos) {
        return new Outbound(link, LIMITS, id -> { }, ackDelayNanos, nanos -> { }, nowNanos);
    }
}
