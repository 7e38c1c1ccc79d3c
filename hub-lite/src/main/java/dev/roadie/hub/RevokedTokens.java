package dev.roadie.hub;

import dev.roadie.hub.auth.TokenService;
import dev.roadie.hub.session.ClientSession;
import dev.roadie.hub.session.SessionTable;
import dev.roadie.model.wire.CloseCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the connections of tokens revoked outside this hub's REST API: by {@code roadie token
 * revoke} or {@code roadie pair revoke}, which write to the database directly. Every
 * {@link #INTERVAL} it asks the database which tokens were revoked since the last look (one small
 * query, however many clients are connected) and ends their sessions with 4003.
 */
final class RevokedTokens {
    /** How soon a revoke made on the command line closes the connections it concerns. */
    static final Duration INTERVAL = Duration.ofSeconds(2);
    /** Looks back this far past the last look, so that a revoke written late (a slow command) is not missed. */
    private static final Duration OVERLAP = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(RevokedTokens.class);

    private final TokenService tokens;
    private final SessionTable sessions;
    private final Clock clock;
    /** Only the timer's thread reads and writes it. */
    private Instant lastLook;

    RevokedTokens(TokenService tokens, SessionTable sessions, Clock clock) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.clock = clock;
        this.lastLook = clock.instant();
    }

    /** One look; run on the hub's timer. */
    void sweep() {
        Instant now = clock.instant();
        List<String> revoked = tokens.revokedSince(lastLook.minus(OVERLAP));
        lastLook = now;
        if (revoked.isEmpty()) {
            return;
        }
        Set<String> ids = new HashSet<>(revoked);
        for (ClientSession session : sessions.snapshot()) {
            if (ids.contains(session.principal().tokenId())) {
                log.info("Ending session {} of {}/{}: its token {} was revoked", session.id(),
                        session.principal().kind(), session.principal().name(), session.principal().tokenId());
                session.end(CloseCode.UNAUTHORIZED, "token revoked");
            }
        }
    }
}
