package dev.roadie.bench;

import dev.roadie.bench.peers.FreezingProxy;
import dev.roadie.bench.peers.RoadieSystem;
import dev.roadie.bench.peers.ServerProcess;
import dev.roadie.bench.report.Results.Better;
import dev.roadie.client.ClientOptions;
import dev.roadie.client.ConnectionListener;
import dev.roadie.client.DisconnectReason;
import dev.roadie.client.RoadieClient;
import dev.roadie.client.SessionInfo;
import dev.roadie.model.wire.Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scenario (e), Roadie only: a silent link death (a proxy stops forwarding without closing) and
 * a hub crash and restart. How long until the clients notice and are back, and whether any
 * message was lost (it must be none).
 */
final class ReconnectScenario {
    static final String ID = "e";
    static final String SILENT = "silent link death";
    static final String RESTART = "hub crash (SIGKILL) and restart";
    static final String SHORT_HEARTBEAT_NOTE = "The quick run uses a short heartbeat";
    private static final Logger log = LoggerFactory.getLogger(ReconnectScenario.class);
    private static final String SUBJECT = "bench";
    private static final Duration DELIVERY_BOUND = Duration.ofSeconds(60);

    private final BenchContext context;

    ReconnectScenario(BenchContext context) {
        this.context = context;
    }

    /** One client under watch: when it lost its link, when it was welcomed, what it received. */
    private static final class Watched implements ConnectionListener {
        final String name;
        final AtomicLong lostAt = new AtomicLong();
        final AtomicLong welcomedAt = new AtomicLong();
        final Set<String> received = ConcurrentHashMap.newKeySet();
        RoadieClient client;

        Watched(String name) {
            this.name = name;
        }

        @Override
        public void disconnected(DisconnectReason reason) {
            lostAt.compareAndSet(0, System.nanoTime());
        }

        @Override
        public void connected(SessionInfo session) {
            welcomedAt.set(System.nanoTime());
        }

        @Override
        public void resumed(SessionInfo session) {
            welcomedAt.set(System.nanoTime());
        }
    }

    /** What the scenario needs at least: it runs whole or not at all. */
    static Duration estimate(boolean quick) {
        return quick ? Duration.ofSeconds(15) : Duration.ofSeconds(60);
    }

    /** Both parts on one hub: the restart part starts it again on the same port and data folder. */
    void run(RoadieSystem roadie) throws Exception {
        Duration estimate = estimate(context.quick());
        if (!context.budget().fits(ID, estimate)) {
            context.results().note(ID, "The reconnect scenario was skipped: its time budget was spent.");
            return;
        }
        Map<String, String> settings = Map.of();
        Duration clientHeartbeat = null;
        if (context.quick()) {
            // The defaults take up to interval x tolerance (12 s) to notice; the quick run only proves the harness works.
            settings = Map.of("heartbeat.interval", "1s");
            clientHeartbeat = Duration.ofSeconds(1);
            context.results().note(ID, SHORT_HEARTBEAT_NOTE + " (1 s) for the silent link death, not the defaults.");
        } else {
            context.results().note(ID, "The silent link death uses the default heartbeat settings of the hub and the SDK"
                    + " (" + ClientOptions.DEFAULT_HEARTBEAT_INTERVAL.toSeconds() + " s interval, tolerance "
                    + ClientOptions.DEFAULT_HEARTBEAT_TOLERANCE + ").");
        }
        ServerProcess hub = roadie.start(settings);
        // Charged from here: the hub's start-up is scenario (f)'s business; its restarts are charged.
        long started = System.nanoTime();
        try {
            silentDeath(roadie, clientHeartbeat);
            hub = restarts(roadie, hub, clientHeartbeat, started);
        } finally {
            hub.close();
            context.budget().charge(ID, started);
        }
    }

    private void silentDeath(RoadieSystem roadie, Duration clientHeartbeat) throws Exception {
        int count = context.quick() ? 2 : 5;
        List<Watched> victims = new ArrayList<>();
        try (FreezingProxy proxy = new FreezingProxy(roadie.port());
                RoadieClient sender = RoadieClient.create(roadie.options(roadie.uri(), "sender").build())) {
            for (int i = 0; i < count; i++) {
                Watched victim = new Watched("victim-" + i);
                var options = roadie.options(proxy.uri(), victim.name).listener(victim);
                if (clientHeartbeat != null) {
                    options.heartbeatInterval(clientHeartbeat);
                }
                victim.client = RoadieClient.create(options.build());
                victim.client.receive(SUBJECT, message -> victim.received.add(message.body().asString()));
                victim.client.awaitConnected(Duration.ofSeconds(30));
                victims.add(victim);
            }
            sender.awaitConnected(Duration.ofSeconds(30));
            sendToAll(sender, victims, 0, 10);
            await("messages before the freeze", () -> victims.stream().allMatch(v -> v.received.size() == 10), DELIVERY_BOUND);
            victims.forEach(v -> v.welcomedAt.set(0));
            long frozenAt = System.nanoTime();
            proxy.freeze();
            sendToAll(sender, victims, 10, 30);
            Duration bound = context.quick() ? Duration.ofSeconds(20) : Duration.ofSeconds(90);
            await("every client noticing the dead link", () -> victims.stream().allMatch(v -> v.lostAt.get() != 0), bound);
            await("every client back", () -> victims.stream().allMatch(v -> v.welcomedAt.get() != 0), bound);
            awaitQuietly(() -> victims.stream().allMatch(v -> v.received.size() == 30), DELIVERY_BOUND);
            var results = context.results();
            List<Double> detection = victims.stream().map(v -> seconds(v.lostAt.get() - frozenAt)).sorted().toList();
            double back = victims.stream().mapToDouble(v -> seconds(v.welcomedAt.get() - frozenAt)).max().orElseThrow();
            long lost = victims.stream().mapToLong(v -> 30 - v.received.size()).sum();
            results.add(ID, SILENT, "detection time, median client", "s", Better.LOWER, "roadie", detection.get(detection.size() / 2));
            results.add(ID, SILENT, "detection time, slowest client", "s", Better.LOWER, "roadie", detection.getLast());
            results.add(ID, SILENT, "every client back in its session", "s", Better.LOWER, "roadie", back);
            results.add(ID, SILENT, "messages lost", "messages", Better.LOWER, "roadie", lost);
            log.info("silent link death: noticed after {} s (slowest), back after {} s, {} messages lost", detection.getLast(),
                    back, lost);
        } finally {
            victims.forEach(v -> v.client.close());
        }
    }

    /** Kills and restarts the hub; returns the hub process running at the end. */
    private ServerProcess restarts(RoadieSystem roadie, ServerProcess first, Duration clientHeartbeat, long started)
            throws Exception {
        int count = context.quick() ? 5 : 20;
        int repetitions = context.options().repetitions();
        List<Watched> receivers = new ArrayList<>();
        ServerProcess hub = first;
        try (RoadieClient sender = RoadieClient.create(roadie.options(roadie.uri(), "restart-sender").build())) {
            for (int i = 0; i < count; i++) {
                Watched receiver = new Watched("receiver-" + i);
                // Its own token, so that the new hub keeps what is sent to it while it is still away.
                var options = roadie.options(roadie.uri(), receiver.name).token(roadie.createToken(receiver.name))
                        .listener(receiver);
                if (clientHeartbeat != null) {
                    options.heartbeatInterval(clientHeartbeat);
                }
                receiver.client = RoadieClient.create(options.build());
                receiver.client.receive(SUBJECT, message -> receiver.received.add(message.body().asString()));
                receiver.client.awaitConnected(Duration.ofSeconds(30));
                receivers.add(receiver);
            }
            sender.awaitConnected(Duration.ofSeconds(30));
            int sent = 0;
            for (int repetition = 1; repetition <= repetitions; repetition++) {
                Duration estimate = context.quick() ? Duration.ofSeconds(12) : Duration.ofSeconds(40);
                if (!context.budget().fits(ID, started, estimate)) {
                    context.results().note(ID, "Some hub restarts were skipped: the scenario's time budget was spent.");
                    break;
                }
                sendDurable(sender, receivers, sent, sent + 5).get(30, TimeUnit.SECONDS);
                receivers.forEach(r -> r.welcomedAt.set(0));
                long killedAt = System.nanoTime();
                hub.kill();
                // Sent while the hub is down: they wait in the sender's outbox until the new hub stores them.
                CompletableFuture<Void> during = sendDurable(sender, receivers, sent + 5, sent + 10);
                sent += 10;
                hub = roadie.restart();
                long readyAt = System.nanoTime();
                await("every client back after the restart", () -> receivers.stream().allMatch(r -> r.welcomedAt.get() != 0),
                        Duration.ofSeconds(90));
                long backAt = receivers.stream().mapToLong(r -> r.welcomedAt.get()).max().orElseThrow();
                during.get(60, TimeUnit.SECONDS);
                int expected = sent;
                awaitQuietly(() -> receivers.stream().allMatch(r -> r.received.size() >= expected), DELIVERY_BOUND);
                long lost = receivers.stream().mapToLong(r -> expected - r.received.size()).sum();
                var results = context.results();
                results.add(ID, RESTART, "hub start (kill to ready)", "s", Better.LOWER, "roadie", seconds(readyAt - killedAt));
                results.add(ID, RESTART, "every client back, from the hub ready", "s", Better.LOWER, "roadie",
                        seconds(backAt - readyAt));
                results.add(ID, RESTART, "every client back, from the kill", "s", Better.LOWER, "roadie", seconds(backAt - killedAt));
                results.add(ID, RESTART, "messages lost", "messages", Better.LOWER, "roadie", lost);
                log.info("hub restart {}: every client back {} s after the hub was ready, {} messages lost", repetition,
                        seconds(backAt - readyAt), lost);
            }
        } finally {
            receivers.forEach(r -> r.client.close());
        }
        context.results().note(ID, "The hub restart kills the hub (SIGKILL, no goodbye) and starts it again on the same port and"
                + " data folder; " + count + " receivers, and messages sent as durable before and during the outage.");
        return hub;
    }

    private static void sendToAll(RoadieClient sender, List<Watched> to, int from, int until) throws Exception {
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (Watched receiver : to) {
            for (int n = from; n < until; n++) {
                sends.add(sender.send(Address.service("bench", receiver.name), SUBJECT, "m-" + n));
            }
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    }

    private static CompletableFuture<Void> sendDurable(RoadieClient sender, List<Watched> to, int from, int until) {
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (Watched receiver : to) {
            for (int n = from; n < until; n++) {
                sends.add(sender.sendDurable(Address.service("bench", receiver.name), SUBJECT, "d-" + n));
            }
        }
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
    }

    private static void await(String what, BooleanSupplier done, Duration bound) {
        if (!awaitQuietly(done, bound)) {
            throw new IllegalStateException("timed out after " + bound.toSeconds() + " s waiting for " + what);
        }
    }

    /** Polls every 10 ms (the events come from other threads) until done or the bound; says which. */
    private static boolean awaitQuietly(BooleanSupplier done, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(10_000_000);
        }
        return true;
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e7) / 100.0;
    }
}
