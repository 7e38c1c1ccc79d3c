package dev.roadie.hub.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.roadie.hub.store.Database;
import dev.roadie.hub.store.OwnerOnlyFiles;
import dev.roadie.hub.store.StoreException;
import dev.roadie.model.wire.Names;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, checks, lists and revokes tokens. A token is {@code rd_<id>_<secret>}; only the
 * SHA-256 of the secret is stored, so the token is known only when it is created.
 *
 * <p>{@link #authenticate} is called for every connection and REST call, so token records are
 * cached by id for 5 s: a revoke through this service takes effect at
 * once, one made by another process (the {@code roadie token} command) within that time. A
 * record used in its last second is read again by the one call that finds it so, while the
 * others go on with it: otherwise every hello arriving with that token would wait for the read.
 * The time of last use is written at most once a minute per token.
 */
public final class TokenService {
    static final Duration CACHE_TTL = Duration.ofSeconds(5);
    static final Duration REFRESH_AFTER = CACHE_TTL.minusSeconds(1);
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    static final String ADMIN_TOKEN_FILE = "admin.token";
    private static final int CACHE_SIZE = 10_000;
    private static final Logger log = LoggerFactory.getLogger(TokenService.class);

    private final Database db;
    private final Clock clock;
    private final TokenFormat format = new TokenFormat(new SecureRandom());
    /** By id; empty for unknown ids, so that a flood of made-up tokens does not reach the database. */
    private final LoadingCache<String, Optional<TokenRecord>> records;
    /** Ids whose last use was written less than a minute ago. */
    private final Cache<String, Boolean> touched;
    /** Told of every token this service creates or revokes: in cluster mode, the other hubs. */
    private final List<Consumer<SharedToken>> changes = new CopyOnWriteArrayList<>();

    /** Tokens stored in {@code db}, timestamped by {@code clock}. */
    public TokenService(Database db, Clock clock) {
        this(db, clock, Ticker.systemTicker());
    }

    /** With the caches' time source given, so that tests can expire them without waiting. */
    TokenService(Database db, Clock clock, Ticker ticker) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        // The refresh runs in the thread that asks: no pool of its own, and tests stay in step.
        this.records = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(CACHE_TTL).refreshAfterWrite(REFRESH_AFTER)
                .executor(Runnable::run).maximumSize(CACHE_SIZE).build(this::load);
        this.touched = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(TOUCH_INTERVAL).maximumSize(CACHE_SIZE)
                .build();
    }

    /**
     * Creates a token. The returned {@link IssuedToken#token()} is the only copy: show it once.
     *
     * @throws IllegalArgumentException when the name or kind is not a valid name or a scope is invalid
     */
    public IssuedToken create(String name, String kind, List<String> scopes) {
        Names.requireName(name, "name");
        Names.requireName(kind, "kind");
        Scopes parsed = Scopes.parse(Objects.requireNonNull(scopes, "scopes"));
        IssuedToken issued = db.writeAndGet(c -> insertNew(c, name, kind, parsed));
        // Forget an earlier "unknown id" answer, however unlikely it is to exist.
        records.invalidate(issued.info().id());
        log.info("Created token {} (name {}, kind {}, scopes {})", issued.info().id(), name, kind, parsed.asList());
        announce(issued.info().id());
        return issued;
    }

    /**
     * The principal of {@code token}; empty when it is malformed, unknown, revoked or has the
     * wrong secret.
     *
     * @throws StoreException when the database cannot be read
     */
    public Optional<Principal> authenticate(String token) {
        Optional<TokenParts> parts = TokenFormat.parse(token);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        String id = parts.get().id();
        Optional<TokenRecord> found = records.get(id);
        if (found.isEmpty()) {
            log.debug("Denied token {}: unknown id", id);
            return Optional.empty();
        }
        TokenRecord known = found.get();
        if (!known.active()) {
            log.debug("Denied token {} ({}): revoked", id, known.name());
            return Optional.empty();
        }
        if (!TokenFormat.matches(parts.get().secret(), known.secretHash())) {
            log.debug("Denied token {} ({}): wrong secret", id, known.name());
            return Optional.empty();
        }
        touch(known);
        return Optional.of(known.principal());
    }

    /**
     * Whether an active token names the identity {@code KIND/NAME}: a client could connect as it.
     * Not cached: callers that ask often keep their own answers.
     */
    public boolean hasActiveIdentity(String kind, String name) {
        return db.read(c -> TokenStore.hasActive(c, kind, name));
    }

    /**
     * The active tokens that connect as {@code KIND/NAME}, oldest first. Names may repeat, so
     * that a token can be replaced by a new one before it is revoked; but the identity is the
     * kind and name, so clients using any two of them replace each other's connections.
     */
    public List<TokenInfo> activeWithIdentity(String kind, String name) {
        return db.read(c -> TokenStore.activeByName(c, name)).stream().filter(token -> token.kind().equals(kind))
                .map(TokenRecord::info).toList();
    }

    /** Every token, active or revoked, oldest first. */
    public List<TokenInfo> list() {
        return db.read(c -> TokenStore.all(c).stream().map(TokenRecord::info).toList());
    }

    /**
     * Revokes the token with id {@code idOrName}, or else the one active token named so.
     * Revoking a revoked token changes nothing and returns it.
     *
     * @return the token as revoked, empty when no token has that id nor an active one that name
     * @throws IllegalArgumentException when several active tokens have that name
     */
    public Optional<TokenInfo> revoke(String idOrName) {
        Objects.requireNonNull(idOrName, "idOrName");
        Optional<TokenRecord> revoked = db.writeAndGet(c -> {
            Optional<TokenRecord> target = TokenStore.byId(c, idOrName);
            if (target.isEmpty()) {
                target = onlyActiveNamed(c, idOrName);
            }
            if (target.isEmpty() || !target.get().active()) {
                return target;
            }
            Instant now = now();
            TokenStore.revoke(c, target.get().id(), now);
            return Optional.of(target.get().revokedAt(now));
        });
        revoked.ifPresent(token -> {
            records.invalidate(token.id());
            log.info("Revoked token {} (name {}, kind {})", token.id(), token.name(), token.kind());
            announce(token.id());
        });
        return revoked.map(TokenRecord::info);
    }

    /**
     * The ids of the tokens revoked at or after {@code since}, by this process or another (the
     * {@code roadie token} and {@code roadie pair} commands), so that their connections can be ended.
     */
    public List<String> revokedSince(Instant since) {
        List<String> ids = db.read(c -> TokenStore.revokedSince(c, since));
        ids.forEach(records::invalidate);
        return ids;
    }

    /**
     * On first start, when the database holds no token at all, creates an admin token (name
     * {@code admin}, kind {@code admin}, scope {@code admin}), writes it to
     * {@code dataDir/admin.token} readable by the owner only, and returns that path. Otherwise
     * returns empty. If the file cannot be written, no token is created.
     */
    public Optional<Path> ensureAdminToken(Path dataDir) {
        Path file = dataDir.resolve(ADMIN_TOKEN_FILE);
        Optional<IssuedToken> issued = db.writeAndGet(c -> {
            if (TokenStore.count(c) > 0) {
                return Optional.empty();
            }
            IssuedToken admin = insertNew(c, "admin", "admin", Scopes.parse(List.of("admin")));
            // Written inside the transaction: if the file cannot be written, the token is rolled back.
            writeTokenFile(file, admin.token());
            return Optional.of(admin);
        });
        issued.ifPresent(admin -> announce(admin.info().id()));
        issued.ifPresent(admin -> log.warn("No tokens yet: created the admin token {} and wrote it to {}"
                + " (owner only). Keep it somewhere safe and delete the file.", admin.info().id(), file));
        return issued.map(admin -> file);
    }

    /** Tells {@code listener} of every token created or revoked through this service, after it is stored. */
    public void onChange(Consumer<SharedToken> listener) {
        changes.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Every token in this hub's database, as the hubs of a cluster share them. */
    public List<SharedToken> shared() {
        return db.read(c -> TokenStore.all(c).stream().map(TokenService::shared).toList());
    }

    /**
     * Takes in a token another hub shared: stores it when this hub does not know it, revokes it
     * here when it was revoked there (a revocation is never undone). Nothing else of a known
     * token changes: a token is written once and then only revoked.
     *
     * @return true when this call revoked a token that was active here, whose sessions are to end
     * @throws IllegalArgumentException when the token's scopes or hash are not valid
     */
    public boolean adopt(SharedToken token) {
        TokenRecord incoming = new TokenRecord(token.id(), token.name(), token.kind(), Scopes.parse(token.scopes()),
                HexFormat.of().parseHex(token.secretHash()), Instant.ofEpochMilli(token.createdAt()),
                token.revokedAt() == null ? null : Instant.ofEpochMilli(token.revokedAt()), null);
        boolean revoked = db.writeAndGet(c -> {
            Optional<TokenRecord> known = TokenStore.byId(c, incoming.id());
            if (known.isEmpty()) {
                TokenStore.insert(c, incoming);
                if (!incoming.active()) {
                    TokenStore.revoke(c, incoming.id(), incoming.revokedAt());
                }
                return false;
            }
            if (known.get().active() && !incoming.active()) {
                TokenStore.revoke(c, incoming.id(), incoming.revokedAt());
                return true;
            }
            return false;
        });
        records.invalidate(incoming.id());
        if (revoked) {
            log.info("Revoked token {} (name {}, kind {}): revoked on another hub", incoming.id(), incoming.name(),
                    incoming.kind());
        }
        return revoked;
    }

    private void announce(String id) {
        if (changes.isEmpty()) {
            return;
        }
        Optional<TokenRecord> stored = db.read(c -> TokenStore.byId(c, id));
        stored.map(TokenService::shared).ifPresent(token -> changes.forEach(listener -> listener.accept(token)));
    }

    private static SharedToken shared(TokenRecord token) {
        return new SharedToken(token.id(), token.name(), token.kind(), token.scopes().asList(),
                HexFormat.of().formatHex(token.secretHash()), token.createdAt().toEpochMilli(),
                token.revokedAt() == null ? null : token.revokedAt().toEpochMilli());
    }

    private Optional<TokenRecord> onlyActiveNamed(Connection c, String name) throws SQLException {
        List<TokenRecord> named = TokenStore.activeByName(c, name);
        if (named.size() > 1) {
            throw new IllegalArgumentException(named.size() + " active tokens are named '" + name + "' (ids "
                    + String.join(", ", named.stream().map(TokenRecord::id).toList()) + "); revoke one by id.");
        }
        return named.stream().findFirst();
    }

    private IssuedToken insertNew(Connection c, String name, String kind, Scopes scopes) throws SQLException {
        String id = format.newId();
        String secret = format.newSecret();
        TokenRecord token = new TokenRecord(id, name, kind, scopes, TokenFormat.hash(secret), now(), null, null);
        TokenStore.insert(c, token);
        return new IssuedToken(token.info(), TokenFormat.format(id, secret));
    }

    private Optional<TokenRecord> load(String id) {
        return db.read(c -> TokenStore.byId(c, id));
    }

    private void touch(TokenRecord token) {
        Instant now = now();
        Instant lastWanted = now.minus(TOUCH_INTERVAL);
        if (token.lastUsedAt() != null && token.lastUsedAt().isAfter(lastWanted)) {
            return; // recent enough, maybe written by another process
        }
        if (touched.asMap().putIfAbsent(token.id(), Boolean.TRUE) != null) {
            return;
        }
        try {
            db.write(c -> TokenStore.touch(c, token.id(), now, lastWanted));
        } catch (StoreException e) {
            // Last use is informational: the caller is authenticated all the same. Try again next time.
            touched.invalidate(token.id());
            log.warn("Could not record the last use of token {}: {}", token.id(), e.getMessage());
        }
    }

    private static void writeTokenFile(Path file, String token) {
        try {
            OwnerOnlyFiles.writeSecret(file, token + System.lineSeparator());
        } catch (IOException e) {
            throw new StoreException("Cannot write the admin token to " + file + ": " + e.getMessage(), e);
        }
    }

    private Instant now() {
        // Stored as epoch milliseconds, so keep no finer precision than that.
        return Instant.ofEpochMilli(clock.millis());
    }
}
