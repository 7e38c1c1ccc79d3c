package dev.roadie.voice.gateway;

import dev.roadie.voice.dave.DaveMlsParameters;

/**
 * The lock every connection in this JVM holds while calling into DAVE. BouncyCastle's MLS
 * cipher suites are shared static objects whose AEAD, KDF and signer keep state
 * ({@code BcMlsAead}, {@code BcMlsKdf}, {@code BcMlsSigner}), so two connections doing MLS at
 * once (a bot in two guilds) spoil each other's welcomes and proposals. DAVE's MLS work is rare
 * (joins and leaves), so one lock costs nothing audible; the media path never takes it. The
 * monitor is the suite itself, so that the DAVE part can take the same lock from inside.
 */
final class DaveLock {

    static void run(Runnable call) {
        synchronized (DaveMlsParameters.SUITE) {
            call.run();
        }
    }

    private DaveLock() {
    }
}
