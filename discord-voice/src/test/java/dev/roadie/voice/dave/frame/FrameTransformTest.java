package dev.roadie.voice.dave.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Two members' frame transforms, driven as the MLS session drives them through transitions. */
class FrameTransformTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final long ALICE = 111_111_111_111_111_111L;
    private static final long BOB = 222_222_222_222_222_222L;
    private static final long CAROL = 333_333_333_333_333_333L;
    private static final Map<Long, byte[]> EPOCH_1 = Map.of(
            ALICE, HEX.parseHex("a1000000000000000000000000000001"),
            BOB, HEX.parseHex("b0000000000000000000000000000001"));
    private static final Map<Long, byte[]> EPOCH_2 = Map.of(
            ALICE, HEX.parseHex("a1000000000000000000000000000002"),
            BOB, HEX.parseHex("b0000000000000000000000000000002"),
            CAROL, HEX.parseHex("c0000000000000000000000000000002"));
    private static final byte[] OPUS = HEX.parseHex("fc" + "00112233445566778899aabbccddeeff0011223344");
    private static final byte[] SILENCE = {(byte) 0xF8, (byte) 0xFF, (byte) 0xFE};

    private final ManualClock clock = new ManualClock();
    private final FrameTransform alice = new FrameTransform(clock);
    private final FrameTransform bob = new FrameTransform(clock);

    @Test
    void a_call_without_dave_passes_frames_both_ways() {
        assertThat(alice.sendingPassthrough()).isTrue();
        byte[] sent = alice.protect(OPUS);

        assertThat(sent).isEqualTo(OPUS);
        assertThat(bob.unprotect(ALICE, sent)).isEqualTo(OPUS);
    }

    @Test
    void an_upgrade_encrypts_once_executed_and_unencrypted_frames_stop_ten_seconds_later() {
        prepare(EPOCH_1, 1);
        assertThat(alice.protect(OPUS)).as("prepared, not executed: still unencrypted").isEqualTo(OPUS);
        assertThat(bob.unprotect(ALICE, OPUS)).isEqualTo(OPUS);

        execute(1);
        byte[] sent = alice.protect(OPUS);

        assertThat(sent).isNotEqualTo(OPUS).endsWith(0xFA, 0xFA);
        assertThat(bob.unprotect(ALICE, sent)).isEqualTo(OPUS);
        clock.advance(Duration.ofSeconds(9));
        assertThat(bob.unprotect(ALICE, OPUS)).as("an unencrypted frame sent just before").isEqualTo(OPUS);
        clock.advance(Duration.ofSeconds(2));
        assertThat(bob.unprotect(ALICE, OPUS)).isNull();
        assertThat(bob.unprotect(ALICE, SILENCE)).isEqualTo(SILENCE);
    }

    @Test
    void a_user_first_heard_after_the_upgrade_gets_no_passthrough() {
        upgraded();

        assertThat(bob.unprotect(CAROL, OPUS)).isNull();
    }

    @Test
    void the_sender_keeps_its_key_until_the_new_epoch_executes_and_old_frames_still_decrypt() {
        upgraded();
        byte[] oldEpoch = alice.protect(OPUS);

        prepare(EPOCH_2, 2);
        byte[] beforeExecute = alice.protect(OPUS);
        execute(1);
        byte[] newEpoch = alice.protect(OPUS);

        assertThat(bob.unprotect(ALICE, oldEpoch)).isEqualTo(OPUS);
        assertThat(bob.unprotect(ALICE, newEpoch)).isEqualTo(OPUS);
        assertThat(bob.unprotect(ALICE, beforeExecute)).isEqualTo(OPUS);
        assertThat(onlyUnder(EPOCH_2.get(ALICE)).decrypt(newEpoch)).as("new frames are under the new key").isEqualTo(OPUS);
        assertThat(onlyUnder(EPOCH_2.get(ALICE)).decrypt(beforeExecute)).as("until execute, the old key").isNull();
    }

    @Test
    void the_previous_epoch_stops_decrypting_ten_seconds_after_the_next_is_prepared() {
        upgraded();
        byte[] oldEpoch = alice.protect(OPUS);

        prepare(EPOCH_2, 2);
        clock.advance(Duration.ofSeconds(11));

        assertThat(bob.unprotect(ALICE, oldEpoch)).isNull();
    }

    @Test
    void a_downgrade_passes_unencrypted_frames_and_old_keys_expire() {
        upgraded();
        byte[] lastEncrypted = alice.protect(OPUS);
        byte[] tooLate = alice.protect(OPUS);

        bob.setReceivePassthrough(true);
        alice.executeTransition(0);
        bob.executeTransition(0);
        byte[] sent = alice.protect(OPUS);

        assertThat(sent).isEqualTo(OPUS);
        assertThat(bob.unprotect(ALICE, sent)).isEqualTo(OPUS);
        assertThat(bob.unprotect(ALICE, lastEncrypted)).isEqualTo(OPUS);
        clock.advance(Duration.ofSeconds(11));
        assertThat(bob.unprotect(ALICE, tooLate)).isNull();
        assertThat(bob.unprotect(ALICE, OPUS)).isEqualTo(OPUS);
    }

    @Test
    void a_member_who_left_is_decryptable_for_ten_seconds_more() {
        FrameTransform carol = new FrameTransform(clock);
        carol.prepareEpoch(2, CAROL, EPOCH_2);
        carol.executeTransition(1);
        bob.prepareEpoch(2, BOB, EPOCH_2);
        bob.executeTransition(1);
        bob.setReceivePassthrough(false);
        byte[] inFlight = carol.protect(OPUS);
        byte[] tooLate = carol.protect(OPUS);

        bob.prepareEpoch(3, BOB, Map.of(ALICE, EPOCH_1.get(ALICE), BOB, EPOCH_1.get(BOB)));

        assertThat(bob.unprotect(CAROL, inFlight)).isEqualTo(OPUS);
        clock.advance(Duration.ofSeconds(11));
        assertThat(bob.unprotect(CAROL, tooLate)).isNull();
    }

    @Test
    void sending_and_receiving_threads_keep_working_across_an_epoch_change() throws Exception {
        FrameTransform realAlice = new FrameTransform();
        FrameTransform realBob = new FrameTransform();
        for (FrameTransform member : new FrameTransform[] {realAlice, realBob}) {
            member.prepareEpoch(1, member == realAlice ? ALICE : BOB, EPOCH_1);
            member.executeTransition(1);
            member.setReceivePassthrough(false);
        }
        int frames = 20_000;
        BlockingQueue<byte[]> wire = new ArrayBlockingQueue<>(frames);
        CountDownLatch halfway = new CountDownLatch(frames / 2);
        AtomicInteger decrypted = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> new Thread(r, "frame-transform-test"));
        try {
            Future<?> sender = threads.submit(() -> {
                for (int i = 0; i < frames; i++) {
                    wire.add(realAlice.protect(OPUS));
                    halfway.countDown();
                }
            });
            Future<?> receiver = threads.submit(() -> {
                for (int i = 0; i < frames; i++) {
                    byte[] media = realBob.unprotect(ALICE, wire.poll(10, TimeUnit.SECONDS));
                    if (media != null && media.length == OPUS.length) {
                        decrypted.incrementAndGet();
                    }
                }
                return null;
            });
            assertThat(halfway.await(10, TimeUnit.SECONDS)).isTrue();
            realBob.prepareEpoch(2, BOB, EPOCH_2);
            realAlice.prepareEpoch(2, ALICE, EPOCH_2);
            realAlice.executeTransition(1);
            realBob.executeTransition(1);

            sender.get(30, TimeUnit.SECONDS);
            receiver.get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        assertThat(decrypted.get()).isEqualTo(frames);
        assertThat(onlyUnder(EPOCH_2.get(ALICE)).decrypt(realAlice.protect(OPUS))).as("the epoch did change").isEqualTo(OPUS);
    }

    private void prepare(Map<Long, byte[]> secrets, long epoch) {
        alice.prepareEpoch(epoch, ALICE, secrets);
        bob.prepareEpoch(epoch, BOB, secrets);
    }

    private void execute(int protocolVersion) {
        for (FrameTransform member : new FrameTransform[] {alice, bob}) {
            member.executeTransition(protocolVersion);
            member.setReceivePassthrough(protocolVersion == 0);
        }
    }

    private void upgraded() {
        prepare(EPOCH_1, 1);
        execute(1);
    }

    private FrameDecryptor onlyUnder(byte[] baseSecret) {
        FrameDecryptor decryptor = new FrameDecryptor(clock);
        decryptor.transitionToKeyRatchet(new SenderKeyRatchet(baseSecret), FrameTransform.TRANSITION_EXPIRY);
        return decryptor;
    }
}
