package dev.roadie.hub;

import dev.roadie.hub.api.ApiAuth;
import dev.roadie.hub.api.ApiRoutes;
import dev.roadie.hub.api.AuditController;
import dev.roadie.hub.api.CertificatesController;
import dev.roadie.hub.api.HealthController;
import dev.roadie.hub.api.MessagingController;
import dev.roadie.hub.api.MetricsController;
import dev.roadie.hub.api.PairingController;
import dev.roadie.hub.api.SearchController;
import dev.roadie.hub.api.ServicesController;
import dev.roadie.hub.api.TokensController;
import dev.roadie.hub.auth.FailedTokenChecks;
import dev.roadie.hub.auth.TokenService;
import dev.roadie.hub.certs.CertificateRenewals;
import dev.roadie.hub.certs.CertificateVault;
import dev.roadie.hub.certs.MasterKey;
import dev.roadie.hub.certs.StoredCertificate;
import dev.roadie.hub.certs.acme.Issuers;
import dev.roadie.hub.cluster.Cluster;
import dev.roadie.hub.cluster.ClusterUnreachableException;
import dev.roadie.hub.config.HubConfig;
import dev.roadie.hub.context.HubContext;
import dev.roadie.hub.http.ClientAddresses;
import dev.roadie.hub.http.HttpGuards;
import dev.roadie.hub.hubcalls.HubCalls;
import dev.roadie.hub.messaging.Messaging;
import dev.roadie.hub.metrics.HubMetrics;
import dev.roadie.hub.pairing.PairingService;
import dev.roadie.hub.pairing.PairingThrottle;
import dev.roadie.hub.registry.Registry;
import dev.roadie.hub.registry.RegistryListeners;
import dev.roadie.hub.registry.RegistryStore;
import dev.roadie.hub.search.HubSearch;
import dev.roadie.hub.search.SearchCalls;
import dev.roadie.hub.routing.DurableMessages;
import dev.roadie.hub.routing.LocalDurableMessages;
import dev.roadie.hub.routing.Elsewhere;
import dev.roadie.hub.routing.Requests;
import dev.roadie.hub.routing.Router;
import dev.roadie.hub.session.AckTimer;
import dev.roadie.hub.session.SessionTable;
import dev.roadie.hub.certs.CertificateTopics;
import dev.roadie.hub.socket.HubSocket;
import dev.roadie.hub.registry.RegistryEvents;
import dev.roadie.hub.tls.HubTls;
import dev.roadie.hub.store.AuditLog;
import dev.roadie.hub.store.Database;
import dev.roadie.hub.store.StoreException;
import dev.roadie.hub.web.WebRoutes;
import dev.roadie.model.wire.CloseCode;
import dev.roadie.model.wire.FrameCodec;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson3;
import io.javalin.router.Endpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running hub: the data folder, the registry, the router and the Javalin server with the
 * socket and the REST API. {@link #start(HubConfig)} returns once it listens; {@link #close()}
 * stops it and everything it started.
 */
public final class Hub implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Hub.class);

    private final HubContext context;
    private final Database database;
    private final ScheduledExecutorService timer;
    private final AckTimer acks;
    private final HubSocket socket;
    private final Housekeeping housekeeping;
    private final HttpGuards guards;
    private final FailedTokenChecks tokenFailures;
    private final Javalin server;
    /** Set once the server listens, so that a start that fails makes no admin token. */
    private Optional<Path> newAdminToken = Optional.empty();
    private HubSearch search;
    private SearchCalls searchCalls;
    private HubCalls hubCalls;
    private CertificateRenewals renewals;
    private final Optional<HubTls> tls;
    /** This hub's membership of a cluster, when {@code cluster.redis} names one. */
    private Optional<Cluster> cluster = Optional.empty();

    private Hub(HubConfig config, Clock clock) {
        this.database = Database.openForHub(config.data());
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("roadie-timer").daemon().factory());
        // Answered requests cancel their deadlines: drop those at once instead of holding them until due.
        scheduler.setRemoveOnCancelPolicy(true);
        this.timer = scheduler;
        this.acks = new AckTimer(config.sessions().ackDelay());
        try {
            TokenService tokens = new TokenService(database, clock);
            SessionTable sessions = new SessionTable();
            HubMetrics metrics = new HubMetrics();
            RegistryEvents events = new RegistryEvents(sessions, config.registry().snapshotPartBytes(),
                    config.registry().publishInterval());
            RegistryListeners registryListeners = new RegistryListeners(events);
            Registry registry = new Registry(new RegistryStore(database), clock, config.registry(), registryListeners);
            this.search = new HubSearch(config.search(), registry, metrics);
            this.searchCalls = new SearchCalls(search);
            AuditLog audit = new AuditLog(database, clock);
            MasterKey masterKey = MasterKey.at(config.certs().masterKeyBytes(),
                    config.certs().masterKeyPath(config.data()));
            String epoch = newEpoch();
            this.cluster = joinCluster(config, epoch, sessions, registry);
            CertificateVault vault = cluster.map(joined -> new CertificateVault(sealedIn(joined, config, masterKey),
                    masterKey, audit, clock)).orElseGet(() -> new CertificateVault(database, masterKey, audit, clock));
            CertificateTopics certTopics = new CertificateTopics(sessions, vault, clock);
            vault.onIssued(certTopics::issued);
            this.tls = config.tls().certificateName()
                    .map(name -> new HubTls(name, config.host(), config.tls().port(), vault));
            tls.ifPresent(served -> vault.onIssued(served::issued));
            this.renewals = new CertificateRenewals(vault, issuer(config, vault), config.certs(), clock, metrics,
                    certTopics::expiring, cluster.<java.util.function.BooleanSupplier>map(joined -> joined::leading)
                            .orElse(() -> true));
            cluster.ifPresent(joined -> joined.hearCertificates(vault, renewals::wake));
            metrics.certificateExpiry(() -> {
                Map<String, Double> left = new LinkedHashMap<>();
                long now = clock.millis();
                try {
                    for (StoredCertificate cert : vault.all()) {
                        cert.expiry().ifPresent(at -> left.put(cert.name(), (at.toEpochMilli() - now) / 1000.0));
                    }
                } catch (RuntimeException e) {
                    // In cluster mode they live in Redis, which may be away: the other metrics are still worth having.
                    log.debug("Certificate expiry left out of the metrics: {}", e.getMessage());
                }
                return left;
            });
            Elsewhere elsewhere = cluster.<Elsewhere>map(c -> c).orElse(Elsewhere.NONE);
            DurableMessages durable = cluster.map(joined -> joined.durableMessages(clock, config.sessions().durableTtl(),
                    config.quotas())).orElseGet(() -> new LocalDurableMessages(database, clock,
                    config.sessions().durableTtl(), config.quotas()));
            Router router = new Router(sessions, registry, durable, tokens, elsewhere);
            Requests requests = new Requests(timer, metrics, config.quotas(), elsewhere);
            cluster.ifPresent(joined -> joined.shareRegistry(registry, registryListeners, events, config.registry(),
                    clock));
            cluster.ifPresent(joined -> {
                try {
                    joined.start(sessions, router, requests);
                } catch (ClusterUnreachableException e) {
                    // Connected, but its first presence write failed: the same one line as a Redis not reached.
                    throw new HubStartException("The hub could not start: " + e.getMessage(), e);
                }
            });
            cluster.ifPresent(joined -> joined.shareTokens(tokens, sessions));
            cluster.ifPresent(joined -> joined.shareAudit(audit));
            this.context = new HubContext(config, epoch, clock, sessions, registry, events, router, requests,
                    new Messaging(router, requests, metrics, config.requests()), durable, metrics, tokens, audit,
                    vault, certTopics, acks, () -> cluster.map(Cluster::hubUrls).orElse(List.of()));
            metrics.gauges(sessions::size, () -> {
                Map<String, Long> counts = new LinkedHashMap<>();
                registry.countByState().forEach((state, count) -> counts.put(state.wire(), count));
                return counts;
            });
            var limits = config.limits();
            this.tokenFailures = new FailedTokenChecks(limits.freeTokenFailures(), limits.tokenFailureWait(),
                    limits.maxTokenFailureWait(), audit);
            this.guards = new HttpGuards(config.http(), config.host(), servedNames(config, vault), HubSocket.PATH);
            this.hubCalls = new HubCalls(searchCalls, requests, context.messaging()::deadlineMs, timer, metrics);
            this.socket = new HubSocket(context, guards.addresses(), tokenFailures, hubCalls);
            this.housekeeping = new Housekeeping(clock, registry, sessions, durable, guards, tokenFailures, tokens);
            this.server = Javalin.create(javalin -> {
                javalin.startup.showJavalinBanner = false;
                javalin.jsonMapper(new JavalinJackson3(FrameCodec.DEFAULT.mapper(), false));
                javalin.jetty.host = config.host();
                javalin.jetty.port = config.port();
                javalin.jetty.modifyServletContextHandler(handler -> handler.setSessionHandler(WebSessions.forgotten()));
                javalin.jetty.modifyServer(jetty -> guards.install(jetty, socket.upgrades(jetty)));
                apiRoutes(context, guards.addresses()).configure(javalin);
                WebRoutes.configure(javalin);
                tls.ifPresent(served -> {
                    // With a connector of its own Javalin adds no default one: the plain port is added here, first.
                    javalin.jetty.addConnector((jetty, http) -> {
                        ServerConnector plain = new ServerConnector(jetty, new HttpConnectionFactory(http));
                        plain.setHost(config.host());
                        plain.setPort(config.port());
                        return plain;
                    });
                    served.configure(javalin);
                });
            });
        } catch (RuntimeException e) {
            cluster.ifPresent(Cluster::close);
            if (renewals != null) {
                renewals.close();
            }
            if (hubCalls != null) {
                hubCalls.close();
            }
            if (search != null) {
                search.close();
            }
            timer.shutdownNow();
            acks.close();
            database.close();
            throw e;
        }
    }

    /**
     * Joins the cluster {@code cluster.redis} names, as hub {@code epoch}; nothing for a hub on its own.
     *
     * @throws HubStartException when its Redis cannot be reached
     */
    private Optional<Cluster> joinCluster(HubConfig config, String epoch, SessionTable sessions, Registry registry) {
        if (config.cluster().redisUri().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Cluster.connect(epoch, config.cluster(), sessions, registry, timer));
        } catch (ClusterUnreachableException e) {
            throw new HubStartException("The hub could not start: " + e.getMessage(), e);
        }
    }

    /**
     * Where the certificates live in cluster mode: the cluster's Redis, once this hub's master key
     * proved to be the cluster's (else nowhere: every call is refused saying why).
     *
     * @throws HubStartException when Redis does not answer
     */
    private static dev.roadie.hub.certs.CertificateRecords sealedIn(Cluster cluster, HubConfig config,
            MasterKey masterKey) {
        String keyWhere = config.certs().masterKeyBytes().isPresent() ? "certs.masterKey (ROADIE_CERTS_MASTER_KEY)"
                : "the file " + config.certs().masterKeyPath(config.data());
        try {
            return cluster.shareSealed(masterKey, keyWhere);
        } catch (ClusterUnreachableException e) {
            throw new HubStartException("The hub could not start: " + e.getMessage(), e);
        }
    }

    /** The REST API, each controller given the parts it uses. */
    private ApiRoutes apiRoutes(HubContext hub, ClientAddresses addresses) {
        return new ApiRoutes(new ApiAuth(hub.tokens(), hub.config().limits(), tokenFailures, addresses),
                new HealthController(hub.epoch(), () -> database.problem()
                        .or(() -> cluster.flatMap(Cluster::problem)), () -> cluster.flatMap(Cluster::leader)),
                new MetricsController(hub.metrics()),
                new ServicesController(hub.registry(), hub.audit()), new MessagingController(hub.messaging()),
                new TokensController(hub.tokens(), hub.audit(), hub.sessions()), new SearchController(searchCalls),
                new CertificatesController(hub.certs(), renewals), new PairingController(pairings(hub),
                        new PairingThrottle(hub.config().pairing()), addresses, hub.sessions()),
                new AuditController(hub.audit()));
    }

    /** Pairing, shared with the other hubs in cluster mode. */
    private PairingService pairings(HubContext hub) {
        PairingService pairings = new PairingService(database, hub.tokens(), hub.audit(), hub.clock(),
                hub.config().pairing());
        cluster.ifPresent(joined -> joined.sharePairings(pairings));
        return pairings;
    }

    /**
     * The names of the certificate the TLS listener serves, which the hub answers to as Host;
     * kept up to date as it is issued, so that no request waits on the database for them.
     */
    private static java.util.function.Supplier<java.util.Collection<String>> servedNames(HubConfig config,
            CertificateVault vault) {
        Optional<String> served = config.tls().certificateName();
        if (served.isEmpty()) {
            return List::of;
        }
        AtomicReference<List<String>> names = new AtomicReference<>(
                vault.find(served.get()).map(StoredCertificate::domains).orElse(List.of()));
        vault.onIssued(cert -> {
            if (cert.name().equals(served.get())) {
                names.set(cert.domains());
            }
        });
        return names::get;
    }

    private static java.util.Optional<dev.roadie.hub.certs.CertificateIssuer> issuer(HubConfig config,
            CertificateVault vault) {
        try {
            return Issuers.forConfig(config.certs(), vault);
        } catch (IllegalStateException e) {
            // Settings that cannot work together: say which, in one line, as for a busy port.
            throw new HubStartException("The hub could not start: " + e.getMessage(), e);
        }
    }

    /** Starts a hub; throws {@link HubStartException} with a one-line reason when it cannot. */
    public static Hub start(HubConfig config) {
        return start(config, Clock.systemUTC());
    }

    /** Starts a hub with its own clock, for tests of leases. */
    public static Hub start(HubConfig config, Clock clock) {
        // A start that fails (a busy port, a typo in --data) must leave no new folder behind
        // that a later start or token command would take for the hub's data.
        boolean newFolder = !Files.exists(config.data());
        Hub hub;
        try {
            hub = new Hub(config, clock);
        } catch (RuntimeException e) {
            removeNewFolder(newFolder, config.data());
            throw e;
        }
        try {
            hub.server.start();
            hub.newAdminToken = hub.context.tokens().ensureAdminToken(config.data());
        } catch (RuntimeException e) {
            hub.close();
            removeNewFolder(newFolder, config.data());
            throw e instanceof StoreException ? e : HubStartException.explain(config, e);
        }
        // Listening now, on a known port: the other hubs' welcomes may list this one.
        hub.cluster.ifPresent(joined -> config.cluster().advertisedUrl(config.host(), hub.port())
                .ifPresent(joined::advertise));
        long tick = Math.max(10, Math.min(1000, config.heartbeat().interval().toMillis() / 4));
        hub.timer.scheduleAtFixedRate(hub::tick, tick, tick, TimeUnit.MILLISECONDS);
        // Leases are checked as often as heartbeats, so that a lost service goes down close to registry.downAfter;
        // connections stuck in their headers are closed as promptly.
        hub.housekeeping.start(hub.timer, Duration.ofMillis(tick));
        long publishEvery = config.registry().publishInterval().toMillis();
        hub.timer.scheduleAtFixedRate(hub::flushRegistry, publishEvery, publishEvery, TimeUnit.MILLISECONDS);
        if (hub.cluster.flatMap(Cluster::keyProblem).isEmpty()) {
            hub.renewals.start();
        }
        log.info("Roadie hub listening on {}:{} (epoch {}, data in {})", config.host(), hub.port(), hub.context.epoch(),
                config.data());
        hub.tlsPort().ifPresent(port -> log.info("Roadie hub serving https:// and wss:// on {}:{} with certificate {}",
                config.host(), port, config.tls().certificate()));
        hub.newAdminToken.ifPresent(path -> log.info("First start: an admin token was written to {}", path));
        return hub;
    }

    private void tick() {
        try {
            socket.tick();
        } catch (Throwable e) {
            // The timer must survive anything one tick meets: a throw would cancel the fixed-rate
            // task and stop heartbeats for everyone.
            log.error("Heartbeat tick failed", e);
        }
    }

    private void flushRegistry() {
        try {
            context.registryEvents().flush();
            cluster.ifPresent(Cluster::flushRegistry);
        } catch (Throwable e) {
            // As for the tick: a throw would cancel the task, and subscribers would see no stats again.
            log.error("Publishing held-back registry changes and stats failed", e);
        }
    }

    /** The plain port it listens on (the real one when configured as 0). */
    public int port() {
        if (tls.isEmpty()) {
            return server.port();
        }
        // Javalin reports the first connector's port, which may be the TLS one: find the plain one.
        for (Connector connector : server.jettyServer().server().getConnectors()) {
            if (connector instanceof ServerConnector plain
                    && plain.getConnectionFactory(SslConnectionFactory.class) == null) {
                return plain.getLocalPort();
            }
        }
        return server.port();
    }

    /** The port of the TLS listener, when {@code tls.certificate} names one. */
    public Optional<Integer> tlsPort() {
        return tls.map(HubTls::port);
    }

    /** The serial the TLS listener serves now, when it serves a managed certificate. */
    public Optional<String> tlsSerial() {
        return tls.map(HubTls::servedSerial);
    }

    /** The epoch clients see in welcome and pong. */
    public String epoch() {
        return context.epoch();
    }

    /** Where the admin token was written on this first start, if it was. */
    public Optional<Path> newAdminToken() {
        return newAdminToken;
    }

    public HubContext context() {
        return context;
    }

    /** This hub's membership of a cluster, when it is in one. */
    public Optional<Cluster> cluster() {
        return cluster;
    }

    /**
     * The HTTP routes the server answers, as Javalin holds them, each with the
     * {@link dev.roadie.hub.api.Access} it declares as a route role: what a test reads to check
     * that no route is left without one.
     */
    public List<Endpoint> routes() {
        // Javalin keeps its router under "unsafe" because changing it after start is; reading it is not.
        return server.unsafe.internalRouter.allHttpHandlers().stream().map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod()).toList();
    }

    /**
     * Ends what is in flight, tells every client to go away, stops accepting and closes the data
     * folder. Each step runs even when one before it failed: a hub that ran out of heap must still
     * stop, not hang until it is killed.
     */
    @Override
    public void close() {
        // First, so that requesters (REST calls held open among them) are answered before anything stops.
        step("end the requests in flight", () -> context.requests().close());
        if (socket != null) {
            step("close the connections", () -> socket.closeAll(CloseCode.GOING_AWAY, "the hub is stopping"));
        }
        if (server != null) {
            step("stop the server", server::stop);
        }
        if (housekeeping != null) {
            step("stop housekeeping", housekeeping::close);
        }
        cluster.ifPresent(joined -> step("leave the cluster", joined::close));
        step("stop the timer", timer::shutdownNow);
        step("stop the ack timer", acks::close);
        step("stop certificate renewals", renewals::close);
        step("stop the requests to the hub", hubCalls::close);
        step("stop search", search::close);
        step("close the database", database::close);
        log.info("Roadie hub stopped");
    }

    private static void step(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | Error e) {
            log.error("While stopping, failed to {}; going on with the rest", what, e);
        }
    }

    private static void removeNewFolder(boolean newFolder, Path folder) {
        if (!newFolder) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException e) {
            log.warn("The hub did not start and could not remove the data folder {} it had made: {}", folder,
                    e.toString());
        }
    }

    private static String newEpoch() {
        byte[] bytes = new byte[6];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
