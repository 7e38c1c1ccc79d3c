package dev.roadie.hub.cluster;

import dev.roadie.hub.config.ClusterConfig;
import dev.roadie.hub.registry.Registry;
import dev.roadie.hub.routing.Elsewhere;
import dev.roadie.hub.routing.ElsewhereUnavailableException;
import dev.roadie.hub.routing.Receiver;
import dev.roadie.hub.routing.Requests;
import dev.roadie.hub.routing.Router;
import dev.roadie.hub.session.SessionTable;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Reply;
import dev.roadie.model.wire.ReplyStatus;
import dev.roadie.model.wire.Request;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This hub as a member of a cluster (docs/CLUSTER.md): its presence in Redis, its copy of the
 * others', and the one publish that hands another hub a frame. {@link #connect} joins (the hub
 * does not start when Redis cannot be reached); {@link #start} begins listening once the router
 * and the calls exist; {@link #close} leaves at once rather than by lease.
 */
public final class Cluster implements Elsewhere, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Cluster.class);
    /** How long a start waits for its first presence write and its first read of the others. */
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);
    /** At most one warning this often about publishes that failed, so that an outage does not flood the log. */
    private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final String self;
    private final ClusterKeys keys;
    private final RedisLink redis;
    private final ScheduledExecutorService timer;
    private final Duration lease;
    private final PresenceWriter presence;
    private final ClusterView view;
    private TokenSync tokenSync;
    private PairingSync pairingSync;
    private final LeaderLease leaderLease;
    private final Registry registry;
    private final RegistryWrites registryWrites;
    /** What this hub hands the other hubs, batched per round on a connection of its own. */
    private final Outbox outbox;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
    private volatile Requests requests;
    /** The registry shared with the other hubs, once {@link #shareRegistry} was called. */
    private volatile RegistryMirror registryMirror;
    /** The services' secrets, encrypted in Redis, once {@link #shareSealed} was called. */
    private volatile SharedSecrets secrets;
    /** Why this hub keeps out of the cluster's certificates and secrets: its master key is not the cluster's. */
    private volatile Optional<String> keyProblem = Optional.empty();
    private ScheduledFuture<?> heartbeats;
    /** Set when the listening link came back (this hub may have missed registry changes); the next heartbeat rereads. */
    private volatile boolean registryResyncDue;
    /** Whether this hub led at its last heartbeat: a hub that starts to lead rereads the registry first. */
    private boolean ledAtLastHeartbeat;

    private Cluster(String self, ClusterConfig config, RedisLink redis, SessionTable sessions, Registry registry,
            ScheduledExecutorService timer) {
        this.self = self;
        this.keys = new ClusterKeys(config.name());
        this.redis = redis;
        this.timer = timer;
        this.lease = config.lease();
        this.presence = new PresenceWriter(self, keys, redis.async(), sessions, registry, lease, timer);
        this.view = new ClusterView(self, keys, redis.async(), this::hubGone);
        this.leaderLease = new LeaderLease(self, keys.leader(), redis.async(), lease);
        this.registry = registry;
        this.registryWrites = new RegistryWrites(self, this::holder, this::publish);
        this.outbox = new Outbox(publisher(redis.connectAnother(), keys), this::warnIf);
    }

    /**
     * Publishes on {@code connection} without writing each command at once: the outbox writes a
     * round's publishes together ({@link Outbox}), so that a busy hub pays one write, not one per frame.
     */
    private static Outbox.Publisher publisher(io.lettuce.core.api.StatefulRedisConnection<String, String> connection,
            ClusterKeys keys) {
        connection.setAutoFlushCommands(false);
        io.lettuce.core.api.async.RedisAsyncCommands<String, String> commands = connection.async();
        return new Outbox.Publisher() {
            @Override
            public java.util.concurrent.CompletionStage<Long> publish(String hub, String text) {
                return commands.publish(keys.hub(hub), text);
            }

            @Override
            public void flush() {
                connection.flushCommands();
            }
        };
    }

    /** The other hub that holds {@code id} in its registry, from the copy {@link #shareRegistry} keeps. */
    private Optional<String> holder(ServiceId id) {
        RegistryMirror mirror = registryMirror;
        return mirror == null ? Optional.empty() : mirror.holder(id);
    }

    /**
     * Connects to the cluster's Redis as hub {@code self}; writes nothing yet.
     *
     * @param registry where the states and loads written beside the services come from
     * @param timer    the hub's timer: presence is written and renewed on it, in order
     * @throws ClusterUnreachableException when Redis does not answer
     */
    public static Cluster connect(String self, ClusterConfig config, SessionTable sessions, Registry registry,
            ScheduledExecutorService timer) {
        String uri = config.redisUri().orElseThrow(() -> new IllegalArgumentException("cluster.redis is none"));
        return new Cluster(self, config, RedisLink.connect(uri), sessions, registry, timer);
    }

    /**
     * Shares {@code registry} with the other hubs (docs/CLUSTER.md, "The registry across hubs"):
     * its changes go to them, theirs come to this hub's subscribers through {@code events}, and
     * {@code GET /api/services} and the snapshot list theirs beside its own. Before {@link #start}.
     */
    public void shareRegistry(Registry registry, dev.roadie.hub.registry.RegistryListeners listeners,
            dev.roadie.hub.registry.RegistryEvents events, dev.roadie.hub.config.HubConfig.Registry leases,
            java.time.Clock clock) {
        if (secrets == null) {
            throw new IllegalStateException("shareSealed first: the registry's secrets travel encrypted");
        }
        RegistryMirror mirror = new RegistryMirror(self, keys, redis.async(), lease, registry, events, leases, clock,
                secrets);
        listeners.add(mirror);
        registry.elsewhere(mirror::entries);
        registry.heldElsewhere(registryWrites);
        this.registryMirror = mirror;
    }

    /**
     * Checks that {@code key} is the cluster's master key, and from now on keeps the certificates
     * and the services' secrets in Redis, encrypted under it (docs/CLUSTER.md, "Certificates and
     * secrets"). Before {@link #shareRegistry}.
     *
     * <p>A hub whose key is not the cluster's starts, says so in its log, and keeps out of them:
     * its certificate calls are refused saying why, it orders nothing, and its services' secrets
     * are not shared ({@link #keyProblem}).
     *
     * @param keyWhere where the key comes from, for the message when it is not the cluster's
     * @return where the hub's certificates are kept from now on
     */
    public dev.roadie.hub.certs.CertificateRecords shareSealed(dev.roadie.hub.certs.MasterKey key, String keyWhere) {
        Optional<String> problem = ClusterMasterKey.check(redis.async(), keys, redis.where(), key, keyWhere);
        this.keyProblem = problem;
        this.secrets = new SharedSecrets(keys, redis.async(), key, problem.isEmpty());
        if (problem.isPresent()) {
            log.error("This hub keeps out of the cluster's certificates and services' secrets: {}", problem.get());
            return new RefusedCertificates(problem.get());
        }
        return new SharedCertificates(self, keys, redis.async(), redis.where());
    }

    /** Why this hub keeps out of the cluster's certificates and secrets; empty when its master key is the cluster's. */
    public Optional<String> keyProblem() {
        return keyProblem;
    }

    /**
     * Hears the certificates stored and asked for on the other hubs: one stored is pushed to this
     * hub's subscribers ({@code vault}'s listeners), and {@code wake} checks the renewals at once
     * (the leader's orders them).
     */
    public void hearCertificates(dev.roadie.hub.certs.CertificateVault vault, Runnable wake) {
        if (keyProblem.isPresent()) {
            return; // it could read none of them
        }
        redis.listener().addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String text) {
                if (!channel.equals(keys.certs())) {
                    return;
                }
                String[] notice = text.split("\t", 3);
                if (notice.length != 3 || notice[0].equals(self)) {
                    return;
                }
                // Off Lettuce's thread: reading the certificate is a round trip to Redis.
                PairingSync.onTimer(timer, () -> {
                    try {
                        if (notice[1].equals(SharedCertificates.ISSUED)) {
                            vault.issuedElsewhere(notice[2]);
                        }
                        wake.run();
                    } catch (RuntimeException e) {
                        log.warn("Could not take in certificate {} stored by hub {}: {}", notice[2], notice[0],
                                e.getMessage());
                    }
                });
            }
        });
        redis.listener().sync().subscribe(keys.certs());
    }

    /** Publishes this hub's held stats to the other hubs; every {@code registry.publishInterval}. */
    public void flushRegistry() {
        RegistryMirror mirror = registryMirror;
        if (mirror != null && redis.isUp()) {
            mirror.flush();
        }
    }

    /**
     * Listens to this hub's channel and the others' presence, writes this hub's presence, reads
     * the others', and renews the lease from now on; returns once the others are known.
     */
    public void start(SessionTable sessions, Router router, Requests requests) {
        this.requests = requests;
        Inbox inbox = new Inbox(sessions, router, requests, this::answer, registry, registryWrites,
                this::publishQuietly);
        redis.listener().addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String text) {
                if (channel.equals(keys.registryEvents())) {
                    RegistryMirror mirror = registryMirror;
                    if (mirror != null) {
                        try {
                            mirror.heard(text);
                        } catch (RuntimeException e) {
                            log.warn("Dropped a registry change from another hub that this hub cannot read: {}",
                                    e.toString());
                        }
                    }
                    return;
                }
                if (channel.equals(keys.secrets())) {
                    SharedSecrets shared = secrets;
                    if (shared != null) {
                        // On this thread, in order: before the registry change published after it.
                        shared.heard(text);
                    }
                    return;
                }
                if (channel.equals(keys.presence())) {
                    if (!text.equals(self)) {
                        view.reload(text).whenComplete((done, failed) -> warnIf(failed, "reading hub " + text));
                    }
                    return;
                }
                if (!channel.equals(keys.hub(self))) {
                    return; // another part's channel (tokens): its own listener takes it
                }
                try {
                    inbox.handle(Envelope.parse(text));
                } catch (RuntimeException e) {
                    // One bad envelope (another version of the hub) must not stop the listener.
                    log.warn("Dropped an envelope from another hub that this hub cannot handle: {}", e.toString());
                }
            }
        });
        redis.listener().sync().subscribe(keys.hub(self), keys.presence(), keys.registryEvents(), keys.secrets());
        // At the next heartbeat, when Lettuce has subscribed again: not from its own thread, at once.
        redis.onListenerReconnected(() -> registryResyncDue = true);
        sessions.onChange(presence::changed);
        sessions.watch(new IdentityClaims(self, keys, redis.async(), this::publishQuietly, this::warnIf));
        try {
            submit(presence::flush).get(JOIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            view.resync().get(JOIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (secrets != null) {
                secrets.load().get(JOIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            RegistryMirror mirror = registryMirror;
            if (mirror != null) {
                java.util.concurrent.CompletableFuture.allOf(view.hubs().stream().map(mirror::load)
                        .toArray(java.util.concurrent.CompletableFuture[]::new))
                        .get(JOIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new ClusterUnreachableException("could not join the cluster through its Redis at " + redis.where()
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterUnreachableException("interrupted while joining the cluster", e);
        }
        long every = Math.max(100, lease.toMillis() / 5);
        heartbeats = timer.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
        leaderLease.start();
        log.info("Joined the cluster through Redis at {} as hub {} ({} other hubs)", redis.where(), self,
                view.hubs().size());
    }

    /** Runs {@code write} on the timer thread, where every presence write runs, and hands back its completion. */
    private java.util.concurrent.CompletableFuture<Void> submit(
            java.util.function.Supplier<java.util.concurrent.CompletableFuture<Void>> write) {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        timer.execute(() -> write.get().whenComplete((v, failed) -> {
            if (failed != null) {
                done.completeExceptionally(failed);
            } else {
                done.complete(null);
            }
        }));
        return done;
    }

    private void heartbeat() {
        try {
            if (!redis.isUp()) {
                return;
            }
            presence.heartbeat().whenComplete((done, failed) -> warnIf(failed, "renewing this hub's lease"));
            view.resync().whenComplete((done, failed) -> warnIf(failed, "reading the other hubs"));
            RegistryMirror mirror = registryMirror;
            if (mirror != null) {
                mirror.heartbeat();
                boolean leads = leading();
                if (registryResyncDue || (leads && !ledAtLastHeartbeat)) {
                    registryResyncDue = false;
                    // The view first, so that a hub that left meanwhile is not read as alive.
                    view.resync().thenCompose(done -> mirror.resync(view.hubs())).whenComplete((done, failed) -> {
                        if (failed != null) {
                            registryResyncDue = true;
                            warnIf(failed, "rereading the other hubs' registry entries");
                        }
                    });
                }
                ledAtLastHeartbeat = leads;
                mirror.sweep(leads);
            }
        } catch (RuntimeException e) {
            // A throw would cancel the task: the lease would lapse and the others would drop this hub.
            log.error("The cluster heartbeat failed; it runs again in {}", lease.dividedBy(5), e);
        }
    }

    private void hubGone(String hub) {
        RegistryMirror mirror = registryMirror;
        if (mirror != null) {
            mirror.hubGone(hub);
        }
        Requests calls = requests;
        if (calls != null) {
            calls.hubGone(hub);
        }
    }

    @Override
    public List<Receiver> receivers(Address to) {
        return view.receivers(to);
    }

    @Override
    public void deliver(String hub, List<ServiceId> services, Message message) {
        publish(hub, Envelope.deliver(services, message), published -> { });
    }

    @Override
    public void deliverStored(String hub, List<ServiceId> services, List<Long> ids, Message message) {
        publish(hub, Envelope.stored(services, ids, message), listeners -> { });
    }

    /**
     * The durable messages of the cluster, kept in its Redis for every hub (docs/CLUSTER.md), on
     * a connection of their own.
     */
    public dev.roadie.hub.routing.DurableMessages durableMessages(java.time.Clock clock, Duration ttl,
            dev.roadie.hub.config.HubConfig.Quotas quotas) {
        return new SharedDurableMessages(redis.connectAnother(), keys, redis.where(), clock, ttl, quotas,
                this::leading);
    }

    @Override
    public void ask(String hub, ServiceId service, Request request, long timeoutMs) {
        publish(hub, Envelope.ask(self, service, timeoutMs, request), listeners -> {
            if (listeners == 0) {
                // Nobody listens on that hub's channel: it died and its lease has not lapsed yet.
                requests.answered(hub, Reply.failed(request.id(), ReplyStatus.GONE, ReplyStatus.GONE.wire(),
                        "the hub serving " + service + " is gone"));
            }
        });
    }

    @Override
    public OptionalDouble penalty(Receiver receiver) {
        return view.penalty(receiver);
    }

    @Override
    public String self() {
        return self;
    }

    /** Publishes a reply back to the hub that asked. */
    private void answer(String hub, Reply reply) {
        try {
            publish(hub, Envelope.answer(self, reply), listeners -> { });
        } catch (ElsewhereUnavailableException e) {
            // The asking hub ends the call at its own deadline; nothing else can carry the reply now.
            warnIf(e, "sending a reply back to hub " + hub);
        }
    }

    /** Publishes {@code envelope} to hub {@code hub}, an answer that nothing else could carry if Redis is away now. */
    private void publishQuietly(String hub, String envelope) {
        try {
            publish(hub, envelope, listeners -> { });
        } catch (ElsewhereUnavailableException e) {
            // The asking hub gives up at its own deadline and says so to its caller.
            warnIf(e, "answering hub " + hub);
        }
    }

    /**
     * One publish to hub {@code hub}'s channel, with whatever else waits for that hub then
     * ({@link Outbox}); {@code listeners} gets how many received it.
     *
     * @throws ElsewhereUnavailableException when Redis cannot be reached now; nothing was sent
     */
    private void publish(String hub, String envelope, Consumer<Long> listeners) {
        if (!redis.isUp()) {
            throw new ElsewhereUnavailableException(redis.problem().orElse("the cluster's Redis cannot be reached"));
        }
        outbox.send(hub, envelope, listeners);
    }

    private void warnIf(String doing, Throwable failed) {
        warnIf(failed, doing);
    }

    private void warnIf(Throwable failed, String doing) {
        if (failed == null) {
            return;
        }
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            log.warn("Cluster: failed {} through Redis at {}: {}", doing, redis.where(), failed.toString());
        }
    }

    /** What is wrong with the link to the cluster now, for {@code /api/health}; empty while it works. */
    public Optional<String> problem() {
        return redis.problem();
    }

    /**
     * Whether this hub is the cluster's leader now, the one that runs what must run once; false
     * from the moment it cannot be sure, before its lease could lapse in Redis.
     */
    public boolean leading() {
        return leaderLease.leading();
    }

    /** The id of the hub holding the leader lease at this hub's last look; empty when none or Redis cannot be asked. */
    public Optional<String> leader() {
        return leaderLease.leader();
    }

    /**
     * Advertises the socket URL clients reach this hub at: it goes into this hub's presence, and
     * every hub's welcome lists it ({@link #hubUrls}). Once the hub listens.
     */
    public void advertise(String url) {
        presence.advertise(url);
    }

    /**
     * The socket URLs of the cluster's hubs, this one first, for clients to fail over to (the
     * welcome's {@code hubs}); from the presence copy, no round trip. Only hubs that advertise one.
     */
    public List<String> hubUrls() {
        List<String> urls = new java.util.ArrayList<>();
        presence.url().ifPresent(urls::add);
        view.urls().stream().sorted().filter(url -> !urls.contains(url)).forEach(urls::add);
        return urls;
    }

    /** The ids of the other hubs this hub knows now. */
    public Set<String> otherHubs() {
        return view.hubs();
    }

    /** Shares this hub's tokens with the other hubs from now on (TokenSync). */
    public void shareTokens(dev.roadie.hub.auth.TokenService tokens, SessionTable sessions) {
        tokenSync = TokenSync.start(redis, keys, timer, tokens, sessions);
    }

    /** Shares this hub's pairings with the other hubs from now on (PairingSync). */
    public void sharePairings(dev.roadie.hub.pairing.PairingService pairings) {
        pairingSync = PairingSync.start(redis, keys, timer, pairings);
    }

    /** Adds this hub's audit entries to the cluster's log from now on, and lists that log (SharedAudit). */
    public void shareAudit(dev.roadie.hub.store.AuditLog audit) {
        SharedAudit shared = new SharedAudit(self, keys, redis);
        audit.share(shared::add, shared::recent);
    }

    /** Leaves the cluster at once (the others drop this hub without waiting for its lease), then disconnects. */
    @Override
    public void close() {
        if (heartbeats != null) {
            heartbeats.cancel(false);
        }
        if (tokenSync != null) {
            tokenSync.close();
        }
        if (pairingSync != null) {
            pairingSync.close();
        }
        leaderLease.close();
        outbox.close();
        try {
            if (redis.isUp()) {
                submit(presence::remove).get(2, TimeUnit.SECONDS);
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.warn("Could not take this hub out of the cluster's Redis; the others drop it when its lease lapses: {}",
                    e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            redis.close();
        }
    }
}
