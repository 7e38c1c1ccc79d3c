package dev.roadie.hub.socket;

import static dev.roadie.hub.testing.Frames.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.wire.Ack;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.ErrorFrame;
import dev.roadie.model.wire.Frame;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Reply;
import dev.roadie.model.wire.ReplyStatus;
import dev.roadie.model.wire.Request;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the hub acknowledges client frames: cumulatively, at once when the session had no ack
 * within {@code sessions.ackDelay}, otherwise by one ack at the end of the delay; never before
 * what it sends in answer to the frames it covers, never beyond what it processed.
 */
class AcknowledgementTest {
    /** Long enough that a burst sent back to back falls within one delay on any machine. */
    static final String LONG_DELAY = "500ms";

    @RegisterExtension
    final HubExtension hub = HubExtension.startedByEachTest();

    WireClient client(String ackDelay) {
        hub.start(Map.of("sessions.ackDelay", ackDelay));
        return hub.client("alice", "desktop", "send:music-bot", "publish:player.*");
    }

    static long sendToTopic(WireClient client, String id) {
        return client.sendNumbered(message(id, Address.topic("player.1")));
    }

    static List<Long> acks(List<Frame> frames) {
        return frames.stream().filter(Ack.class::isInstance).map(f -> ((Ack) f).seq()).toList();
    }

    @Test
    void with_a_long_delay_the_first_frame_is_acked_at_once_and_a_burst_shares_few_acks() {
        WireClient client = client(LONG_DELAY);

        long first = sendToTopic(client, "first");
        client.sync();
        // The pong answers a ping sent after the frame: an ack held back for the delay would come after it.
        assertThat(client.ackedUpTo()).as("acked before the pong").isEqualTo(first);

        long last = 0;
        for (int i = 0; i < 20; i++) {
            last = sendToTopic(client, "burst-" + i);
        }
        client.expectAck(last);
        client.sync();

        List<Long> burstAcks = acks(client.received()).stream().filter(seq -> seq > first).toList();
        assertThat(burstAcks).as("acks of the burst").isNotEmpty().hasSizeLessThan(20).isSorted()
                .doesNotHaveDuplicates();
        assertThat(burstAcks.getLast()).as("the last covers the last frame, and nothing beyond").isEqualTo(last);
    }

    @Test
    void without_a_delay_every_frame_is_acked_with_its_own_number() {
        WireClient client = client("0s");

        long last = 0;
        for (int i = 0; i < 20; i++) {
            last = sendToTopic(client, "burst-" + i);
        }
        client.expectAck(last);
        client.sync();

        assertThat(acks(client.received())).containsExactlyElementsOf(LongStream.rangeClosed(1, 20).boxed().toList());
    }

    @Test
    void a_repeated_number_is_answered_with_the_highest_processed_and_nothing_beyond() {
        WireClient client = client(LONG_DELAY);
        sendToTopic(client, "m-1");
        sendToTopic(client, "m-2");
        long third = sendToTopic(client, "m-3");

        client.send(FrameCodec.DEFAULT.encode(message("m-2", Address.topic("player.1")).withSeq(2)));
        client.expectAck(third);
        client.sync();

        assertThat(acks(client.received())).isSorted().allMatch(seq -> seq <= third);
    }

    /**
     * A burst with refused frames and a request nobody can answer: each error, and the no-route
     * reply, arrives before the first ack covering its frame, whether that ack is written at once
     * (the first frame) or at the end of the delay.
     */
    @ParameterizedTest
    @ValueSource(strings = {"0s", "5ms", LONG_DELAY})
    void what_the_hub_sends_in_answer_to_a_frame_arrives_before_the_ack_covering_it(String ackDelay) {
        WireClient client = client(ackDelay);
        Address forbidden = Address.service("jukebox", "x");

        long refusedFirst = client.sendNumbered(message("refused-first", forbidden));
        for (int i = 0; i < 3; i++) {
            sendToTopic(client, "before-" + i);
        }
        long request = client.sendNumbered(new Request(0, "r-1", null, Address.oneOf("music-bot"), "player.command",
                null, 5_000));
        for (int i = 0; i < 3; i++) {
            sendToTopic(client, "between-" + i);
        }
        long refusedMiddle = client.sendNumbered(message("refused-middle", forbidden));
        sendToTopic(client, "after");
        long refusedLast = client.sendNumbered(message("refused-last", forbidden));
        client.expectAck(refusedLast);
        client.sync();

        List<Frame> frames = client.received();
        assertAnsweredBeforeAck(frames, refusedFirst, f -> f instanceof ErrorFrame e && "refused-first".equals(e.re())
                && e.code() == ErrorCode.FORBIDDEN);
        assertAnsweredBeforeAck(frames, request, f -> f instanceof Reply r && "r-1".equals(r.re())
                && r.status() == ReplyStatus.NO_ROUTE);
        assertAnsweredBeforeAck(frames, refusedMiddle,
                f -> f instanceof ErrorFrame e && "refused-middle".equals(e.re()));
        assertAnsweredBeforeAck(frames, refusedLast, f -> f instanceof ErrorFrame e && "refused-last".equals(e.re()));
        assertThat(acks(frames)).isSorted().allMatch(seq -> seq <= refusedLast);
    }

    static void assertAnsweredBeforeAck(List<Frame> frames, long seq, Predicate<Frame> answer) {
        int answeredAt = -1;
        int ackedAt = -1;
        for (int i = 0; i < frames.size(); i++) {
            Frame frame = frames.get(i);
            if (answeredAt < 0 && answer.test(frame)) {
                answeredAt = i;
            }
            if (ackedAt < 0 && frame instanceof Ack ack && ack.seq() >= seq) {
                ackedAt = i;
            }
        }
        assertThat(answeredAt).as("the answer to frame %d arrived; frames: %s", seq, frames).isNotNegative();
        assertThat(ackedAt).as("an ack covering frame %d arrived", seq).isNotNegative();
        assertThat(answeredAt).as("the answer to frame %d comes before the ack covering it; frames: %s", seq, frames)
                .isLessThan(ackedAt);
    }
}
