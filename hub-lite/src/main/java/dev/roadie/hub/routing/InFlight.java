package dev.roadie.hub.routing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many requests (or gathers) each session and each token has waiting for an answer, within
 * a limit for each. Counts are kept only while non-zero, so sessions and tokens that come and go
 * leave nothing behind.
 */
final class InFlight {
    private final String what;
    private final int perSession;
    private final String perSessionSetting;
    private final int perToken;
    private final String perTokenSetting;
    private final Map<String, Integer> bySession = new ConcurrentHashMap<>();
    private final Map<String, Integer> byToken = new ConcurrentHashMap<>();

    /**
     * @param what what is counted, in the plural, for messages: {@code "requests"}
     */
    InFlight(String what, int perSession, String perSessionSetting, int perToken, String perTokenSetting) {
        this.what = what;
        this.perSession = perSession;
        this.perSessionSetting = perSessionSetting;
        this.perToken = perToken;
        this.perTokenSetting = perTokenSetting;
    }

    /**
     * Counts one more for {@code requester}; returns what gives it back, which does so once
     * however often it runs.
     *
     * @throws QuotaExceededException when its session or its token has as many as it may
     */
    Runnable take(Requester requester) {
        if (requester.sessionId() != null && !tryTake(bySession, requester.sessionId(), perSession)) {
            throw new QuotaExceededException("this session has " + perSession + " " + what + " waiting for an answer,"
                    + " the most one session may have (" + perSessionSetting + "): wait for some to be answered");
        }
        if (!tryTake(byToken, requester.tokenId(), perToken)) {
            give(bySession, requester.sessionId());
            throw new QuotaExceededException("token " + requester.tokenId() + " has " + perToken + " " + what
                    + " waiting for an answer over the socket and REST, the most one token may have ("
                    + perTokenSetting + "): wait for some to be answered");
        }
        AtomicBoolean given = new AtomicBoolean();
        return () -> {
            if (given.compareAndSet(false, true)) {
                give(bySession, requester.sessionId());
                give(byToken, requester.tokenId());
            }
        };
    }

    private static boolean tryTake(Map<String, Integer> counts, String key, int max) {
        boolean[] taken = {false};
        counts.compute(key, (k, count) -> {
            int now = count == null ? 0 : count;
            if (now >= max) {
                return count;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    private static void give(Map<String, Integer> counts, String key) {
        if (key != null) {
            counts.computeIfPresent(key, (k, count) -> count <= 1 ? null : count - 1);
        }
    }
}
