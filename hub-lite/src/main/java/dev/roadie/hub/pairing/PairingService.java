package dev.roadie.hub.pairing;

import dev.roadie.hub.auth.IssuedToken;
import dev.roadie.hub.auth.TokenInfo;
import dev.roadie.hub.auth.TokenService;
import dev.roadie.hub.config.PairingConfig;
import dev.roadie.hub.store.AuditLog;
import dev.roadie.hub.store.Database;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pairs devices with the hub (docs/PAIRING.md): starts device requests and invites, answers a
 * device's polls, approves and denies, lists and revokes paired devices. Used by the REST API and
 * the {@code roadie pair} commands alike; every step is in the audit log. It does not throttle:
 * the REST API holds unauthenticated callers to a {@link PairingThrottle} first.
 */
public final class PairingService {
    /** An expired request is kept this long, so that a device polling late hears expired_token. */
    static final Duration KEEP_EXPIRED = Duration.ofDays(1);
    private static final int MAX_TEXT = 64;
    private static final Logger log = LoggerFactory.getLogger(PairingService.class);

    private final Database db;
    private final TokenService tokens;
    private final AuditLog audit;
    private final Clock clock;
    private final PairingConfig config;
    private final PairingCodes codes = new PairingCodes(new SecureRandom());
    /** Told of every pairing this service starts or moves on: in cluster mode, the other hubs. */
    private final List<Consumer<SharedPairing>> changes = new CopyOnWriteArrayList<>();

    public PairingService(Database db, TokenService tokens, AuditLog audit, Clock clock, PairingConfig config) {
        this.db = Objects.requireNonNull(db, "db");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** How often a device may poll. */
    public Duration pollInterval() {
        return config.pollInterval();
    }

    /**
     * A device asks to pair (RFC 8628's device authorization request).
     *
     * @throws IllegalArgumentException for a kind that is not a device's, or a missing name
     */
    public StartedPairing start(String kind, String deviceName, String platform, String address) {
        DeviceScopes.requireKind(kind);
        String name = text(deviceName, "name");
        String shownPlatform = platform == null || platform.isBlank() ? null : text(platform, "platform");
        Instant now = now();
        String deviceCode = codes.newDeviceCode();
        return announced(started -> started.id(), db.writeAndGet(c -> {
            PairingStore.dropExpired(c, now.minus(KEEP_EXPIRED));
            String userCode = freeUserCode(c);
            Pairing pairing = new Pairing(codes.newId(), Pairing.Flow.DEVICE, kind, name, shownPlatform, address,
                    Pairing.State.PENDING, List.of(), now, now.plus(config.codeLifetime()), null, null, null, null);
            PairingStore.insert(c, pairing, PairingCodes.hash(deviceCode), PairingCodes.hash(userCode));
            audit.record("device:" + address, "pair.start", "id=" + pairing.id() + " kind=" + kind + " name="
                    + quoted(name) + " platform=" + quoted(shownPlatform));
            return new StartedPairing(pairing.id(), deviceCode, PairingCodes.display(userCode),
                    config.codeLifetime(), config.pollInterval());
        }));
    }

    /** A device polls with its device code (RFC 8628's device access token request). */
    public PollResult poll(String deviceCode, String address) {
        if (deviceCode == null || deviceCode.isBlank()) {
            return new PollResult.Unknown();
        }
        Instant now = now();
        String[] redeemed = new String[1];
        PollResult result = db.writeAndGet(c -> {
            Optional<Pairing> found = PairingStore.byDeviceCode(c, PairingCodes.hash(deviceCode));
            if (found.isEmpty()) {
                return new PollResult.Unknown();
            }
            Pairing pairing = found.get();
            Instant last = pairing.lastPollAt();
            PairingStore.polled(c, pairing.id(), now);
            if (pairing.state() == Pairing.State.DENIED) {
                return new PollResult.Denied();
            }
            if (pairing.expiredAt(now)) {
                return new PollResult.Expired();
            }
            if (pairing.state() == Pairing.State.APPROVED) {
                redeemed[0] = pairing.id();
                return new PollResult.Granted(redeem(c, pairing, pairing.deviceName(), pairing.platform(), address,
                        now));
            }
            if (last != null && Duration.between(last, now).compareTo(config.pollInterval()) < 0) {
                return new PollResult.SlowDown();
            }
            return new PollResult.Pending();
        });
        if (redeemed[0] != null) {
            announce(redeemed[0]);
        }
        return result;
    }

    /**
     * Approves a device's request, by its user code or id.
     *
     * @param narrowing how the device's preset scopes are narrowed; never wider than the preset
     * @throws UnknownPairingException  when no request has that code or id
     * @throws PairingDecidedException  when it was decided already or has expired
     * @throws IllegalArgumentException when a scope is wider than the preset, or a guild or bot is invalid
     */
    public Pairing approve(String codeOrId, Narrowing narrowing, String actor) {
        Instant now = now();
        return announced(Pairing::id, db.writeAndGet(c -> {
            Pairing pairing = undecided(c, codeOrId, now);
            List<String> granted = DeviceScopes.grant(pairing.kind(), narrowing);
            PairingStore.decide(c, pairing.id(), Pairing.State.APPROVED, granted, actor);
            audit.record(actor, "pair.approve", "id=" + pairing.id() + " kind=" + pairing.kind() + " name="
                    + quoted(pairing.deviceName()) + " scopes=" + String.join(" ", granted));
            return PairingStore.byId(c, pairing.id()).orElseThrow();
        }));
    }

    /**
     * Denies a device's request, by its user code or id.
     *
     * @throws UnknownPairingException when no request has that code or id
     * @throws PairingDecidedException when it was decided already or has expired
     */
    public Pairing deny(String codeOrId, String actor) {
        Instant now = now();
        return announced(Pairing::id, db.writeAndGet(c -> {
            Pairing pairing = undecided(c, codeOrId, now);
            PairingStore.decide(c, pairing.id(), Pairing.State.DENIED, List.of(), actor);
            audit.record(actor, "pair.deny", "id=" + pairing.id() + " kind=" + pairing.kind() + " name="
                    + quoted(pairing.deviceName()));
            return PairingStore.byId(c, pairing.id()).orElseThrow();
        }));
    }

    /**
     * The owner invites a device: a single-use code it redeems once, within the code lifetime.
     *
     * @throws IllegalArgumentException for a kind that is not a device's or a scope wider than its preset
     */
    public Invite invite(String kind, Narrowing narrowing, String actor) {
        List<String> granted = DeviceScopes.grant(kind, narrowing);
        Instant now = now();
        return announced(invite -> invite.pairing().id(), db.writeAndGet(c -> {
            PairingStore.dropExpired(c, now.minus(KEEP_EXPIRED));
            String code = freeUserCode(c);
            Pairing pairing = new Pairing(codes.newId(), Pairing.Flow.INVITE, kind, null, null, null,
                    Pairing.State.APPROVED, granted, now, now.plus(config.codeLifetime()), null, actor, null, null);
            PairingStore.insert(c, pairing, null, PairingCodes.hash(code));
            audit.record(actor, "pair.invite", "id=" + pairing.id() + " kind=" + kind + " scopes="
                    + String.join(" ", granted));
            return new Invite(pairing, PairingCodes.display(code));
        }));
    }

    /** A device redeems an invite's code: its token, or why not. */
    public PollResult redeem(String code, String deviceName, String platform, String address) {
        Optional<String> normalized = PairingCodes.normalize(code);
        String name = text(deviceName, "name");
        String shownPlatform = platform == null || platform.isBlank() ? null : text(platform, "platform");
        if (normalized.isEmpty()) {
            return new PollResult.Unknown();
        }
        Instant now = now();
        String[] redeemed = new String[1];
        PollResult result = db.writeAndGet(c -> {
            Optional<Pairing> found = PairingStore.byUserCode(c, PairingCodes.hash(normalized.get()))
                    .filter(pairing -> pairing.flow() == Pairing.Flow.INVITE);
            if (found.isEmpty()) {
                return new PollResult.Unknown();
            }
            if (found.get().expiredAt(now)) {
                return new PollResult.Expired();
            }
            redeemed[0] = found.get().id();
            return new PollResult.Granted(redeem(c, found.get(), name, shownPlatform, address, now));
        });
        if (redeemed[0] != null) {
            announce(redeemed[0]);
        }
        return result;
    }

    /** Device requests waiting for the owner, oldest first. */
    public List<Pairing> pending() {
        Instant now = now();
        return db.read(c -> PairingStore.pending(c, now));
    }

    /** Devices that paired, active or revoked, in the order they paired. */
    public List<PairedDevice> devices() {
        Map<String, TokenInfo> byId = tokens.list().stream()
                .collect(Collectors.toMap(TokenInfo::id, Function.identity()));
        List<PairedDevice> devices = new ArrayList<>();
        for (Pairing pairing : db.read(PairingStore::redeemed)) {
            TokenInfo token = byId.get(pairing.tokenId());
            if (token != null) {
                devices.add(device(pairing, token));
            }
        }
        return devices;
    }

    /**
     * Revokes a paired device's token. The caller ends the device's open connections.
     *
     * @return the device as revoked; empty when no paired device has that token id
     */
    public Optional<PairedDevice> revoke(String tokenId, String actor) {
        Optional<Pairing> pairing = db.read(c -> PairingStore.byToken(c, tokenId));
        if (pairing.isEmpty()) {
            return Optional.empty();
        }
        Optional<TokenInfo> revoked = tokens.revoke(tokenId);
        revoked.ifPresent(token -> audit.record(actor, "pair.revoke", "id=" + pairing.get().id() + " token="
                + token.id() + " name=" + token.name() + " kind=" + token.kind()));
        return revoked.map(token -> device(pairing.get(), token));
    }

    /** Tells {@code listener} of every pairing started, decided or redeemed through this service, once stored. */
    public void onChange(Consumer<SharedPairing> listener) {
        changes.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Every pairing in this hub's database, as the hubs of a cluster share them. */
    public List<SharedPairing> shared() {
        return db.read(c -> PairingStore.shared(c, "ORDER BY created_at, rowid"));
    }

    /**
     * Takes in a pairing another hub shared when it is further along than this hub's copy (or
     * this hub has none): a request started there can be approved here, and a device that took
     * its token there cannot take another here.
     *
     * @return whether this hub's copy changed
     */
    public boolean adopt(SharedPairing theirs) {
        return db.writeAndGet(c -> {
            Optional<SharedPairing> mine = PairingStore.shared(c, "WHERE id = ?", theirs.id()).stream().findFirst();
            if (mine.isPresent() && mine.get().step() >= theirs.step()) {
                return false;
            }
            PairingStore.replace(c, theirs);
            return true;
        });
    }

    private <T> T announced(Function<T, String> id, T result) {
        announce(id.apply(result));
        return result;
    }

    private void announce(String id) {
        if (changes.isEmpty()) {
            return;
        }
        db.read(c -> PairingStore.shared(c, "WHERE id = ?", id)).forEach(p -> changes.forEach(l -> l.accept(p)));
    }

    private IssuedToken redeem(Connection c, Pairing pairing, String deviceName, String platform, String address,
            Instant now) throws SQLException {
        IssuedToken token = tokens.create(tokenName(deviceName, pairing), pairing.kind(), pairing.scopes());
        PairingStore.redeemed(c, pairing.id(), token.info().id(), deviceName, platform, address, now);
        audit.record("device:" + address, "pair.redeem", "id=" + pairing.id() + " flow=" + pairing.flow().wire()
                + " token=" + token.info().id() + " name=" + token.info().name() + " kind=" + pairing.kind());
        log.info("Paired {} device {} ({}) from {} as token {}", pairing.kind(), quoted(deviceName),
                pairing.flow().wire(), address, token.info().id());
        return token;
    }

    private Pairing undecided(Connection c, String codeOrId, Instant now) throws SQLException {
        String reference = codeOrId == null ? "" : codeOrId.trim();
        Optional<String> code = PairingCodes.normalize(reference);
        Optional<Pairing> found = code.isPresent() ? PairingStore.byUserCode(c, PairingCodes.hash(code.get()))
                : Optional.empty();
        if (found.isEmpty()) {
            found = PairingStore.byId(c, reference.toLowerCase(Locale.ROOT));
        }
        // An invite is approved when it is made: only a device's request waits for a decision.
        found = found.filter(pairing -> pairing.flow() == Pairing.Flow.DEVICE);
        if (found.isEmpty()) {
            throw new UnknownPairingException(reference);
        }
        Pairing pairing = found.get();
        if (pairing.state() != Pairing.State.PENDING) {
            throw new PairingDecidedException("the pairing request " + pairing.id() + " was " + pairing.state().wire()
                    + " already" + (pairing.decidedBy() == null ? "" : " by " + pairing.decidedBy()));
        }
        if (pairing.expiredAt(now)) {
            throw new PairingDecidedException("the pairing request " + pairing.id() + " expired at "
                    + pairing.expiresAt() + ": ask the device to start again");
        }
        return pairing;
    }

    private String freeUserCode(Connection c) throws SQLException {
        String code;
        do {
            code = codes.newUserCode();
        } while (PairingStore.userCodeTaken(c, PairingCodes.hash(code)));
        return code;
    }

    private static PairedDevice device(Pairing pairing, TokenInfo token) {
        return new PairedDevice(token.id(), token.name(), pairing.deviceName(), pairing.kind(), pairing.platform(),
                pairing.address(), token.scopes(), pairing.redeemedAt(), token.lastUsedAt(), token.revokedAt());
    }

    /**
     * The token's name: the device's name in token-name letters, then part of the pairing's id, so
     * that two phones called "Phone" do not share an identity and replace each other's connection.
     */
    static String tokenName(String deviceName, Pairing pairing) {
        String slug = deviceName == null ? "" : deviceName.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        return (slug.isEmpty() ? pairing.kind() : slug) + "-" + pairing.id().substring(0, 6);
    }

    private static String text(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + what + "' is required: the name the owner sees, like \"Alice's phone\"");
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_TEXT || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("'" + what + "' must be at most " + MAX_TEXT
                    + " characters, without control characters");
        }
        return trimmed;
    }

    private static String quoted(String text) {
        return text == null ? "-" : "\"" + text.replace("\"", "'") + "\"";
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }
}
