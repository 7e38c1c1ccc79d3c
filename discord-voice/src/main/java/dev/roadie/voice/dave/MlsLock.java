package dev.roadie.voice.dave;

import java.util.function.Supplier;

/**
 * The lock every use of BouncyCastle's MLS in this JVM holds. The library's cipher suites are
 * shared static objects ({@link DaveMlsParameters#SUITE} is the one {@code MlsCipherSuite.getSuite}
 * also hands the library's own decoding) whose AEAD, KDF and signer keep state
 * ({@code BcMlsAead}, {@code BcMlsKdf}, {@code BcMlsSigner}), so two connections doing MLS at
 * once (a bot in two guilds) spoil each other's welcomes and proposals. DAVE's MLS work is rare
 * (joins and leaves), so one lock costs nothing audible; the media path never takes it.
 *
 * <p>{@link DaveSession} takes it in every public entry, so its callers (the gateway client)
 * need not know it exists; code that calls the library directly (a test's fake gateway) takes it
 * around each call. It is reentrant: a fake driving a session from inside its own MLS work is fine.
 */
public final class MlsLock {

    private static final Object MONITOR = new Object();

    /** Runs {@code work} holding the lock. */
    public static void run(Runnable work) {
        synchronized (MONITOR) {
            work.run();
        }
    }

    /** Runs {@code work} holding the lock and returns what it returns. */
    public static <T> T call(Supplier<T> work) {
        synchronized (MONITOR) {
            return work.get();
        }
    }

    private MlsLock() {
    }
}
