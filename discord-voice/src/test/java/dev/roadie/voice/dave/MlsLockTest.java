package dev.roadie.voice.dave;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MlsLockTest {

    private static final long CHANNEL = 127121515262115840L;

    @Test
    void the_mls_work_of_two_sessions_never_runs_at_once() throws Exception {
        // BouncyCastle's MLS suites are shared and stateful: two connections' sessions must not do MLS at the same time.
        // Each session's start makes a key package and sends it; the reply holds the door open for the other session.
        CountDownLatch arrived = new CountDownLatch(2);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        AtomicBoolean overlapped = new AtomicBoolean();
        DaveReplies holding = new DaveReplies() {
            @Override
            public void sendJson(int op, Map<String, Object> data) {
                // A session's start sends only its key package, which is binary.
            }

            @Override
            public void sendBinary(int op, byte[] payload) {
                if (inside.incrementAndGet() > 1) {
                    overlapped.set(true);
                }
                calls.incrementAndGet();
                arrived.countDown();
                try {
                    // Half a second at most: with the lock, the other session is waiting outside and never arrives.
                    arrived.await(500, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inside.decrementAndGet();
            }
        };
        DaveSession first = new DaveSession();
        DaveSession second = new DaveSession();
        ExecutorService connections = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("connection-", 1).factory());
        try {
            Future<?> one = connections.submit(() -> first.onSessionStarted(1, 1001L, CHANNEL, holding));
            Future<?> two = connections.submit(() -> second.onSessionStarted(1, 1002L, CHANNEL, holding));
            one.get(20, TimeUnit.SECONDS);
            two.get(20, TimeUnit.SECONDS);
        } finally {
            connections.shutdownNow();
        }

        assertThat(calls).as("both sessions sent a key package").hasValue(2);
        assertThat(overlapped).as("the second session worked while the first was inside").isFalse();
    }
}
