package dev.roadie.hub.socket;

import dev.roadie.hub.auth.FailedTokenChecks;
import dev.roadie.hub.auth.Principal;
import dev.roadie.hub.context.HubContext;
import dev.roadie.hub.http.ClientAddresses;
import dev.roadie.hub.session.ClientSession;
import dev.roadie.hub.session.SessionLimits;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.CloseCode;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.ErrorFrame;
import dev.roadie.model.wire.Frame;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.FrameException;
import dev.roadie.model.wire.Hello;
import dev.roadie.model.wire.Utf8;
import dev.roadie.model.wire.Welcome;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import dev.roadie.model.wire.Goodbye;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a connection's first frame into a session, or refuses it. A refused hello gets an
 * error frame saying why, then the connection is closed: nothing is read from a client that
 * has not proven who it is.
 */
final class Handshake {
    private static final Logger log = LoggerFactory.getLogger(Handshake.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HubContext hub;
    private final FailedTokenChecks failures;
    private final Bucket hellos;
    private final Map<String, Bucket> hellosByToken = new ConcurrentHashMap<>();
    private final Map<String, Bucket> hellosByAddress = new ConcurrentHashMap<>();

    Handshake(HubContext hub, FailedTokenChecks failures) {
        this.hub = hub;
        this.failures = failures;
        var sessions = hub.config().sessions();
        this.hellos = bucket(sessions.hellosPerSecond(), sessions.helloBurst());
    }

    private static Bucket bucket(int perSecond, int burst) {
        return Bucket.builder().addLimit(limit -> limit.capacity(burst)
                .refillGreedy(perSecond, Duration.ofSeconds(1))).build();
    }

    /** Returns the new session, or empty after refusing and closing the connection. */
    Optional<ClientSession> accept(Connection connection, String text) {
        Frame frame;
        try {
            if (Utf8.length(text, hub.config().limits().maxFrameBytes()) > hub.config().limits().maxFrameBytes()) {
                throw new FrameException(ErrorCode.TOO_LARGE, null, "hello is over the frame size limit");
            }
            frame = FrameCodec.DEFAULT.decode(text);
        } catch (FrameException e) {
            return refuse(connection, e.code(), e.getMessage());
        }
        if (!(frame instanceof Hello hello)) {
            return refuse(connection, ErrorCode.HELLO_REQUIRED, "the first frame must be a hello with a token");
        }
        if (hello.protocol() > Hello.PROTOCOL_VERSION) {
            return refuse(connection, ErrorCode.INVALID_FRAME, "this hub speaks protocol " + Hello.PROTOCOL_VERSION
                    + ", the client asked for " + hello.protocol());
        }
        Duration wait = failures.waitFor(connection.remoteAddress);
        if (!wait.isZero()) {
            // Checked before the token, so that a guesser learns nothing while it waits.
            return waitAfterFailures(connection, wait);
        }
        String token = hello.token() != null ? hello.token() : connection.headerToken;
        Optional<Principal> principal = token == null ? Optional.empty() : hub.tokens().authenticate(token);
        if (principal.isEmpty()) {
            log.info("Refused a hello from {}: {}", connection.remoteAddress, token == null ? "no token" : "bad token");
            if (token != null) {
                failures.failed(connection.remoteAddress, "hello", token);
            }
            return refuse(connection, ErrorCode.UNAUTHORIZED, token == null
                    ? "no token: put it in the hello or an Authorization: Bearer header"
                    : "the token is unknown or revoked");
        }
        Principal who = principal.get();
        // Throttled after the token check, so that hellos without a valid token cannot use up the budget.
        long nanosToWait = takeHello(who.tokenId(), connection.remoteAddress);
        if (nanosToWait > 0) {
            return tryLater(connection, nanosToWait);
        }
        ServiceId identity;
        try {
            identity = identityOf(who, hello);
        } catch (FrameException e) {
            return refuse(connection, e.code(), e.getMessage());
        }
        Optional<ClientSession> resumable = resumable(hello, who, identity);
        if (resumable.isPresent()) {
            ClientSession session = resumable.get();
            connection.session = session;
            // The session may end between the check and the attach (its window ran out, say): then
            // the attach sends nothing and the client gets a new session instead.
            if (session.attach(connection, connection.remoteAddress, hello.resume().lastSeq(), welcome(session, true),
                    System.nanoTime())) {
                log.info("Session {} of {} resumed from {} ({} frames to replay)", session.id(), identity,
                        connection.remoteAddress, session.unackedCount());
                return resumable;
            }
        }
        if (!hello.replaces()) {
            Optional<ClientSession> holder = hub.sessions().serving(identity).filter(ClientSession::isAttached);
            if (holder.isPresent() || hub.router().servedElsewhere(identity)) {
                log.info("Refused a hello from {} for {}: it asked not to replace the connected session {}",
                        connection.remoteAddress, identity, holder.map(ClientSession::id).orElse("on another hub"));
                return refuse(connection, ErrorCode.IDENTITY_IN_USE, identity + " is already connected;"
                        + " say hello with \"replace\": true to take over (roadie commands: --replace), or use a token"
                        + " of its own", CloseCode.IDENTITY_IN_USE);
            }
        }
        // The session starts without a link: it is routable at once, and whatever it is sent before
        // its welcome waits in its stream; attaching writes the welcome first, then those frames.
        ClientSession session = new ClientSession(newSessionId(), who, identity, connection.remoteAddress, null,
                limits(), hub.acks(), System.nanoTime(), hub.durable()::delivered, hub::forget);
        connection.session = session;
        hub.sessions().add(session).ifPresent(previous -> previous.end(CloseCode.REPLACED,
                "a newer connection of " + identity + " took over"));
        if (!session.attach(connection, connection.remoteAddress, 0, welcome(session, false), System.nanoTime())) {
            // Replaced already by a still newer connection of the same identity.
            connection.close(CloseCode.REPLACED, "a newer connection of " + identity + " took over");
            return Optional.empty();
        }
        hub.router().deliverWaiting(identity, session);
        log.info("Session {} opened for {} from {} ({}{})", session.id(), identity, connection.remoteAddress,
                hello.client() == null ? "unnamed client" : hello.client(),
                hello.resume() == null ? "" : "; the session it asked to resume is gone");
        return Optional.of(session);
    }

    /** The session the hello asks to resume, if it is still here and belongs to the same token and identity. */
    private Optional<ClientSession> resumable(Hello hello, Principal who, ServiceId identity) {
        if (hello.resume() == null) {
            return Optional.empty();
        }
        return hub.sessions().byId(hello.resume().session())
                .filter(s -> !s.isEnded() && s.principal().tokenId().equals(who.tokenId())
                        && s.identity().equals(identity));
    }

    /**
     * Takes one hello from the token's budget, then the address's, then the hub's: one token or
     * one machine that reconnects in a loop uses up its own budget, not everyone's. A hello
     * refused by a later budget gives back what it took from the earlier ones. Returns 0 when
     * the hello may go on, otherwise how long until the budget that refused it has one again.
     */
    private long takeHello(String tokenId, String address) {
        var sessions = hub.config().sessions();
        Bucket token = hellosByToken.computeIfAbsent(tokenId,
                id -> bucket(sessions.hellosPerSecondPerToken(), sessions.helloBurstPerToken()));
        ConsumptionProbe probe = token.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            log.debug("Hello of token {} from {} over its own budget: told to come back later", tokenId, address);
            return probe.getNanosToWaitForRefill();
        }
        Bucket fromAddress = hellosByAddress.computeIfAbsent(ClientAddresses.limitKey(address),
                a -> bucket(sessions.hellosPerSecondPerAddress(), sessions.helloBurstPerAddress()));
        probe = fromAddress.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            token.addTokens(1);
            log.debug("Hello from {} over its address's budget: told to come back later", address);
            return probe.getNanosToWaitForRefill();
        }
        probe = hellos.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            token.addTokens(1);
            fromAddress.addTokens(1);
            return probe.getNanosToWaitForRefill();
        }
        return 0;
    }

    /** Forgets the budgets of tokens and addresses that are full again; runs on the hub's timer. */
    void sweep() {
        var sessions = hub.config().sessions();
        hellosByToken.values().removeIf(b -> b.getAvailableTokens() >= sessions.helloBurstPerToken());
        hellosByAddress.values().removeIf(b -> b.getAvailableTokens() >= sessions.helloBurstPerAddress());
    }

    /**
     * Too many failed token checks from the client's address: no token of it is checked until
     * the wait is over. The client is told why and when to come back, and closed with 4029.
     */
    private Optional<ClientSession> waitAfterFailures(Connection connection, Duration wait) {
        long delayMs = Math.max(1, wait.toMillis());
        hub.metrics().error(ErrorCode.RATE_LIMITED.wire());
        connection.send(FrameCodec.DEFAULT.encode(ErrorFrame.of(null, ErrorCode.RATE_LIMITED,
                "too many failed token checks from your address: come back in " + delayMs + " ms with a valid token")),
                () -> { }, failure -> { });
        connection.send(FrameCodec.DEFAULT.encode(new Goodbye("too many failed token checks", delayMs)), () -> { },
                failure -> { });
        connection.close(CloseCode.TRY_LATER, "come back in " + delayMs + " ms");
        return Optional.empty();
    }

    /**
     * Too many hellos at once (a reconnect storm after a restart): tell the client when to come
     * back, spread over a few seconds so that they do not all return together, and close 4029.
     */
    private Optional<ClientSession> tryLater(Connection connection, long nanosToWait) {
        var sessions = hub.config().sessions();
        long spreadMs = Math.max(1000, 2000L * sessions.helloBurst() / sessions.hellosPerSecond());
        long delayMs = nanosToWait / 1_000_000 + ThreadLocalRandom.current().nextLong(spreadMs);
        connection.send(FrameCodec.DEFAULT.encode(new Goodbye("busy", delayMs)), () -> { }, failure -> { });
        connection.close(CloseCode.TRY_LATER, "come back in " + delayMs + " ms");
        return Optional.empty();
    }

    private ServiceId identityOf(Principal who, Hello hello) {
        String kind = hello.kind() == null ? who.kind() : hello.kind();
        String name = hello.name() == null ? who.name() : hello.name();
        if (!who.isAdmin() && (!kind.equals(who.kind()) || !name.equals(who.name()))) {
            throw new FrameException(ErrorCode.FORBIDDEN, null, "this token is for " + who.kind() + "/" + who.name()
                    + ", not " + kind + "/" + name);
        }
        return new ServiceId(kind, name);
    }

    private Welcome welcome(ClientSession session, boolean resumed) {
        var limits = hub.config().limits();
        return new Welcome(session.id(), hub.epoch(), hub.config().heartbeat().interval().toMillis(), resumed,
                session.lastClientSeq(),
                new Welcome.Identity(session.identity().kind(), session.identity().name(),
                        session.principal().scopes().asList()),
                new Welcome.Limits(limits.maxFrameBytes(), limits.framesPerSecond(), limits.maxSubscriptions(),
                        hub.config().requests().maxTimeout().toMillis()), hub.hubUrls().get());
    }

    private SessionLimits limits() {
        var limits = hub.config().limits();
        return new SessionLimits(limits.framesPerSecond(), limits.frameBurst(), limits.maxPendingBytes(),
                limits.maxUnackedFrames(), limits.maxUnackedBytes(), limits.maxSubscriptions(),
                limits.maxServicesPerConnection());
    }

    private Optional<ClientSession> refuse(Connection connection, ErrorCode code, String message) {
        return refuse(connection, code, message, CloseCode.UNAUTHORIZED);
    }

    private Optional<ClientSession> refuse(Connection connection, ErrorCode code, String message, CloseCode close) {
        hub.metrics().error(code.wire());
        connection.send(FrameCodec.DEFAULT.encode(ErrorFrame.of(null, code, message)), () -> { }, failure -> { });
        connection.close(close, code.wire());
        return Optional.empty();
    }

    private static String newSessionId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
