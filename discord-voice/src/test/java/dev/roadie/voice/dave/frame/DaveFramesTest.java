package dev.roadie.voice.dave.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Two members' frame layers, as the MLS part drives them through transitions. */
class DaveFramesTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final long ALICE = 111_111_111_111_111_111L;
    private static final long BOB = 222_222_222_222_222_222L;
    private static final byte[] ALICE_EPOCH_1 = HEX.parseHex("a1000000000000000000000000000001");
    private static final byte[] ALICE_EPOCH_2 = HEX.parseHex("a1000000000000000000000000000002");
    private static final byte[] OPUS = HEX.parseHex("fc" + "00112233445566778899aabbccddeeff0011223344");
    private static final byte[] SILENCE = {(byte) 0xF8, (byte) 0xFF, (byte) 0xFE};

    private final ManualClock clock = new ManualClock();
    private final DaveFrames alice = new DaveFrames(clock);
    private final DaveFrames bob = new DaveFrames(clock);

    @Test
    void a_call_without_dave_passes_frames_both_ways() {
        assertThat(alice.sendingPassthrough()).isTrue();
        byte[] sent = alice.protect(OPUS);

        assertThat(sent).isEqualTo(OPUS);
        assertThat(bob.unprotect(ALICE, sent)).isEqualTo(OPUS);
    }

    @Test
    void an_upgrade_encrypts_and_unencrypted_frames_stop_ten_seconds_after_it_executes() {
        bob.receiveWith(ALICE, ALICE_EPOCH_1);
        assertThat(bob.unprotect(ALICE, OPUS)).as("still passing while the upgrade is prepared").isEqualTo(OPUS);

        alice.sendWith(ALICE_EPOCH_1);
        bob.endPassthrough();
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
        bob.endPassthrough();

        assertThat(bob.unprotect(BOB, OPUS)).isNull();
    }

    @Test
    void a_new_epoch_decrypts_while_frames_of_the_old_one_still_arrive() {
        upgraded();
        byte[] oldEpoch = alice.protect(OPUS);

        bob.receiveWith(ALICE, ALICE_EPOCH_2);
        alice.sendWith(ALICE_EPOCH_2);
        byte[] newEpoch = alice.protect(OPUS);

        assertThat(bob.unprotect(ALICE, newEpoch)).isEqualTo(OPUS);
        assertThat(bob.unprotect(ALICE, oldEpoch)).isEqualTo(OPUS);
    }

    @Test
    void a_downgrade_passes_unencrypted_frames_and_old_keys_expire() {
        upgraded();
        byte[] lastEncrypted = alice.protect(OPUS);
        byte[] tooLate = alice.protect(OPUS);

        bob.allowPassthrough();
        alice.sendPassthrough();
        bob.dropKeys();
        byte[] sent = alice.protect(OPUS);

        assertThat(sent).isEqualTo(OPUS);
        assertThat(bob.unprotect(ALICE, sent)).isEqualTo(OPUS);
        assertThat(bob.unprotect(ALICE, lastEncrypted)).isEqualTo(OPUS);
        clock.advance(Duration.ofSeconds(11));
        assertThat(bob.unprotect(ALICE, tooLate)).isNull();
        assertThat(bob.unprotect(ALICE, OPUS)).isEqualTo(OPUS);
    }

    @Test
    void a_forgotten_user_s_frames_no_longer_decrypt() {
        upgraded();
        byte[] sent = alice.protect(OPUS);

        bob.forget(ALICE);

        assertThat(bob.unprotect(ALICE, sent)).isNull();
    }

    @Test
    void sending_and_receiving_threads_keep_working_across_an_epoch_change() throws Exception {
        DaveFrames realAlice = new DaveFrames();
        DaveFrames realBob = new DaveFrames();
        realBob.receiveWith(ALICE, ALICE_EPOCH_1);
        realAlice.sendWith(ALICE_EPOCH_1);
        realBob.endPassthrough();
        int frames = 20_000;
        BlockingQueue<byte[]> wire = new ArrayBlockingQueue<>(frames);
        CountDownLatch halfway = new CountDownLatch(frames / 2);
        AtomicInteger decrypted = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> new Thread(r, "dave-frames-test"));
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
            realBob.receiveWith(ALICE, ALICE_EPOCH_2);
            realAlice.sendWith(ALICE_EPOCH_2);

            sender.get(30, TimeUnit.SECONDS);
            receiver.get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        assertThat(decrypted.get()).isEqualTo(frames);
    }

    private void upgraded() {
        bob.receiveWith(ALICE, ALICE_EPOCH_1);
        alice.sendWith(ALICE_EPOCH_1);
        bob.endPassthrough();
    }
}
