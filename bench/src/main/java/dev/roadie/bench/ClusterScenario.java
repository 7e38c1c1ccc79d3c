package dev.roadie.bench;

import dev.roadie.bench.RelayScenario.Step;
import dev.roadie.bench.RelayScenario.Variant;
import dev.roadie.bench.peers.NodeSystem;
import dev.roadie.bench.peers.Peer;
import dev.roadie.bench.peers.RoadieSystem;
import dev.roadie.bench.peers.ServerProcess;
import dev.roadie.bench.peers.SystemUnderTest;
import dev.roadie.bench.report.Results;
import dev.roadie.bench.report.Results.Better;
import dev.roadie.client.ConnectionState;
import dev.roadie.client.RoadieClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scenario (g): the relay across two hubs joined by {@code cluster.redis} on one
 * {@code redis-server}, beside the same load on one hub. Senders connect to the first hub,
 * receivers to the second (fan-out: half the group on each), at fixed offered rates: what the
 * hop through Redis costs, not where a cluster saturates.
 */
final class ClusterScenario {
    static final String ID = "g";
    /** The figures' systems: one hub alone, and two hubs with sender and receiver apart. */
    static final String ONE_HUB = "roadie";
    static final String TWO_HUBS = "roadie-2-hubs";
    /** Socket.IO's own way: one node, and two nodes joined by {@code @socket.io/redis-adapter} on the same Redis. */
    static final String ONE_NODE = "socket.io";
    static final String TWO_NODES = "socket.io-2-nodes";
    private static final Path REDIS = Path.of("/usr/bin/redis-server");
    /** A fan-out's group is split across the hubs: half its members on each. */
    private static final int FAN_OUT = RelayScenario.FAN_OUT;
    private static final Logger log = LoggerFactory.getLogger(ClusterScenario.class);

    private final BenchContext context;
    private final RelayScenario relay;

    ClusterScenario(BenchContext context) {
        this.context = context;
        this.relay = new RelayScenario(context);
    }

    /** The offered rates, in deliveries a second (8,000: a rate one hub keeps up with here), each measured for {@link #measured}. */
    static List<Integer> rates(boolean quick) {
        return quick ? List.of(1_000) : List.of(8_000);
    }

    private static Duration measured(boolean quick) {
        return quick ? Duration.ofSeconds(1) : Duration.ofSeconds(3);
    }

    /**
     * Warm-up steps, a second each. At least two even in a quick run: a hub learns another hub's
     * sessions and topic members from Redis every {@code cluster.lease / 5} (1 s by default).
     */
    private static List<Integer> warmUp(boolean quick) {
        return quick ? List.of(500, 1_000) : List.of(2_000, 4_000, 8_000, 8_000);
    }

    /** The time one variant takes on one system (a second more for connecting and the stragglers). */
    static Duration unit(boolean quick) {
        return measured(quick).multipliedBy(rates(quick).size()).plusSeconds(warmUp(quick).size() + 1);
    }

    /** The whole scenario: every variant on one hub and on two, on one Socket.IO node and on two, and the fail-over. */
    static Duration estimate(boolean quick) {
        return unit(quick).multipliedBy(variants().size() * 4L).plus(failoverEstimate(quick));
    }

    /** How many SDK clients the fail-over step moves from a killed hub to the other. */
    static int failoverClients(boolean quick) {
        return quick ? 20 : 100;
    }

    /** The fail-over step: connecting its clients, the kill, and the wait for all of them. */
    static Duration failoverEstimate(boolean quick) {
        return Duration.ofSeconds(15);
    }
    static final String FAILOVER = "clients back after their hub's SIGKILL";

    static List<Variant> variants() {
        return List.of(new Variant("1:1 100 B", false, 100, List.of()), new Variant("1:10 100 B", true, 100, List.of()));
    }

    void run() {
        Results results = context.results();
        results.system(TWO_HUBS, Map.of("what", "two Roadie hubs (as roadie) joined by cluster.redis on one redis-server "
                + "on loopback; senders on the first hub, receivers on the second (1:10: half the group on each)"));
        RoadieSystem alone = new RoadieSystem(context.env(), "cluster-alone");
        try (ServerProcess hub = alone.start()) {
            measure(ONE_HUB, alone, alone);
        } catch (Exception e) {
            fail("one hub", e);
        }
        if (!java.nio.file.Files.isExecutable(REDIS)) {
            fail("two hubs", new IllegalStateException(REDIS + " is missing: install the Debian package redis-server"));
            return;
        }
        int redisPort = ServerProcess.freePort();
        Map<String, String> cluster = Map.of("cluster.redis", "redis://127.0.0.1:" + redisPort);
        RoadieSystem first = new RoadieSystem(context.env(), "cluster-a");
        RoadieSystem second = new RoadieSystem(context.env(), "cluster-b");
        try (ServerProcess redis = startRedis(redisPort)) {
            try (ServerProcess a = first.start(cluster); ServerProcess b = second.start(cluster, first.token())) {
                measure(TWO_HUBS, first, second);
                if (context.budget().fits(ID, failoverEstimate(context.quick()))) {
                    failover(first, a, second);
                } else {
                    results.note(ID, "The fail-over step was skipped: the scenario's time budget was spent.");
                }
            } catch (Exception e) {
                fail("two hubs", e);
            }
            if (context.options().systems().contains(ONE_NODE)) {
                socketIo(redisPort);
            }
        } catch (Exception e) {
            fail("redis-server", e);
        }
        results.note(ID, "Fixed offered rates, not a ladder: the figures say what the hop through Redis costs at a rate one "
                + "hub keeps up with. On a shared 2-core machine the hubs, Redis and the load generator compete for the same "
                + "cores, so these numbers are upper bounds of the cost.");
        String behind = behind(results, TWO_HUBS, ONE_HUB);
        results.note(ID, behind.isEmpty() ? "Two hubs did within 10% of one hub on every figure."
                : "Where two hubs are behind one hub (by more than 10%): " + behind + ".");
        if (context.options().systems().contains(ONE_NODE)) {
            String behindSocketIo = behind(results, TWO_HUBS, TWO_NODES);
            results.note(ID, behindSocketIo.isEmpty() ? "Two Roadie hubs did within 10% of, or better than, two Socket.IO nodes on every figure."
                    : "Where two Roadie hubs are behind two Socket.IO nodes on the same Redis (by more than 10%): "
                            + behindSocketIo + ".");
        }
    }

    private void socketIo(int redisPort) {
        context.results().system(TWO_NODES, Map.of("what", "two Socket.IO servers (as socket.io) joined by "
                + "@socket.io/redis-adapter on the same redis-server; senders on the first node, receivers on the second"));
        NodeSystem alone = new NodeSystem(context.env(), NodeSystem.Kind.SOCKET_IO);
        try (ServerProcess node = alone.start()) {
            measure(ONE_NODE, alone, alone);
        } catch (Exception e) {
            fail("one Socket.IO node", e);
        }
        Map<String, String> redis = Map.of("REDIS_URL", "redis://127.0.0.1:" + redisPort);
        NodeSystem first = new NodeSystem(context.env(), NodeSystem.Kind.SOCKET_IO);
        NodeSystem second = new NodeSystem(context.env(), NodeSystem.Kind.SOCKET_IO);
        try (ServerProcess a = first.start(redis); ServerProcess b = second.start(redis)) {
            measure(TWO_NODES, first, second);
        } catch (Exception e) {
            fail("two Socket.IO nodes", e);
        }
    }

    private ServerProcess startRedis(int port) throws java.io.IOException {
        List<String> command = List.of(REDIS.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning");
        Path dir = java.nio.file.Files.createDirectories(context.env().work("cluster-redis"));
        return new ServerProcess("redis-server", command, dir, context.env().log("cluster-redis"))
                .start(ServerProcess.Readiness.port(port));
    }

    private void measure(String system, SystemUnderTest senderHub, SystemUnderTest receiverHub) throws Exception {
        for (Variant variant : variants()) {
            Duration unit = unit(context.quick());
            if (!context.budget().fits(ID, unit)) {
                context.results().note(ID, "Some variants were skipped: the scenario's time budget was spent.");
                return;
            }
            long started = System.nanoTime();
            List<Peer> senders = new ArrayList<>();
            List<Peer> receivers = new ArrayList<>();
            List<String> targets = new ArrayList<>();
            String group = "cluster-fan";
            try {
                if (variant.fanOut()) {
                    senders.add(senderHub.connect("pub"));
                    for (int i = 0; i < FAN_OUT; i++) {
                        Peer receiver = (i % 2 == 0 ? receiverHub : senderHub).connect("sub-" + i);
                        receiver.join(group);
                        receivers.add(receiver);
                    }
                } else {
                    for (int i = 0; i < RelayScenario.PAIRS; i++) {
                        senders.add(senderHub.connect("snd-" + i));
                        receivers.add(receiverHub.connect("rcv-" + i));
                        targets.add("rcv-" + i);
                    }
                }
                for (int rate : warmUp(context.quick())) {
                    relay.step(senderHub, variant, rate, senders, receivers, targets, group, Duration.ofSeconds(1));
                }
                for (int rate : rates(context.quick())) {
                    Step step = relay.step(senderHub, variant, rate, senders, receivers, targets, group, measured(context.quick()));
                    log.info("{} {} offered {}/s: achieved {}/s, p50 {} ms, p99 {} ms, missing {}", system, variant.name(), rate,
                            Math.round(step.achieved()), step.p50(), step.p99(), step.missing());
                    record(system, variant, step);
                }
            } finally {
                senders.forEach(Peer::close);
                receivers.forEach(Peer::close);
                context.budget().charge(ID, started);
            }
        }
    }

    /**
     * Clients given only the first hub, which learn the second from its welcome; the first killed
     * with SIGKILL; how long until each is connected to the second, and until all are.
     */
    private void failover(RoadieSystem first, ServerProcess firstProcess, RoadieSystem second) throws Exception {
        long started = System.nanoTime();
        int count = failoverClients(context.quick());
        List<RoadieClient> clients = new ArrayList<>();
        try {
            awaitToken(second, first.token());
            for (int i = 0; i < count; i++) {
                clients.add(RoadieClient.create(first.options(first.uri(), "fo-" + i).build()));
            }
            for (RoadieClient client : clients) {
                client.awaitConnected(Duration.ofSeconds(60));
            }
            long killedAt = System.nanoTime();
            firstProcess.kill();
            long[] backNanos = new long[count];
            int back = 0;
            long deadline = killedAt + TimeUnit.SECONDS.toNanos(60);
            while (back < count && System.nanoTime() < deadline) {
                for (int i = 0; i < count; i++) {
                    if (backNanos[i] == 0 && clients.get(i).state() == ConnectionState.CONNECTED
                            && clients.get(i).session().map(s -> s.hub().equals(second.uri())).orElse(false)) {
                        backNanos[i] = System.nanoTime() - killedAt;
                        back++;
                    }
                }
                Thread.sleep(2);
            }
            long[] sorted = Arrays.stream(backNanos).filter(n -> n > 0).sorted().toArray();
            double p50 = sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2] / 1e6;
            double all = back < count ? Double.NaN : sorted[sorted.length - 1] / 1e6;
            String v = String.format(Locale.ROOT, "%,d SDK clients", count);
            Results results = context.results();
            if (sorted.length > 0) {
                results.add(ID, v, FAILOVER + ", p50", "ms", Better.LOWER, TWO_HUBS, Math.round(p50 * 10) / 10.0);
            }
            if (back == count) {
                results.add(ID, v, FAILOVER + ", all", "ms", Better.LOWER, TWO_HUBS, Math.round(all * 10) / 10.0);
            }
            results.note(ID, String.format(Locale.ROOT, "Fail-over: %d SDK clients given only the first hub (they learn the "
                    + "second from its welcome); the first killed with SIGKILL: %d back on the second, half within %.0f ms, "
                    + "all within %s.", count, back, p50, back < count ? "60 s (some never came back)"
                    : String.format(Locale.ROOT, "%.0f ms", all)));
            log.info("Fail-over: {} of {} clients back on the second hub, p50 {} ms, all {} ms", back, count, p50, all);
        } finally {
            clients.forEach(RoadieClient::close);
            context.budget().charge(ID, started);
        }
    }

    /** Waits until {@code hub} accepts {@code token} (another hub's admin token reaches it within the 2 s token sync). */
    private static void awaitToken(RoadieSystem hub, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + hub.port() + "/api/tokens"))
                .header("Authorization", "Bearer " + token).GET().build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (HttpClient http = HttpClient.newHttpClient()) {
            while (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the second hub did not accept the first hub's admin token within 20 s");
                }
                Thread.sleep(50);
            }
        }
    }

    static String variantName(Variant variant, int rate) {
        return String.format(Locale.ROOT, "%s at %,d msg/s", variant.name(), rate);
    }

    private void record(String system, Variant variant, Step step) {
        Results results = context.results();
        String v = variantName(variant, step.offered());
        results.add(ID, v, "achieved", "msg/s", Better.HIGHER, system, Math.round(step.achieved()));
        results.add(ID, v, "delivered", "%", Better.HIGHER, system,
                step.sent() == 0 ? 0 : Math.round(1000.0 * step.received() / step.sent()) / 10.0);
        results.add(ID, v, "p50", "ms", Better.LOWER, system, step.p50());
        results.add(ID, v, "p99", "ms", Better.LOWER, system, step.p99());
        results.add(ID, v, "p99.9", "ms", Better.LOWER, system, step.p999());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("scenario", ID);
        row.put("system", system);
        row.put("variant", variant.name());
        row.put("offered", step.offered());
        row.put("achieved", Math.round(step.achieved()));
        row.put("sent", step.sent());
        row.put("received", step.received());
        row.put("missing", step.missing());
        row.put("p50Ms", step.p50());
        row.put("p99Ms", step.p99());
        row.put("p999Ms", step.p999());
        row.put("maxMs", step.max());
        row.put("keptUp", step.keptUp());
        results.step(row);
    }

    /** The figures where {@code system} did more than 10% worse than {@code other}, as a phrase; empty when none. */
    static String behind(Results results, String system, String other) {
        List<String> parts = new ArrayList<>();
        for (Results.Figure figure : results.figures()) {
            if (!figure.scenario().equals(ID)) {
                continue;
            }
            double one = results.median(ID, figure.variant(), figure.metric(), other);
            double two = results.median(ID, figure.variant(), figure.metric(), system);
            if (Double.isNaN(one) || Double.isNaN(two)) {
                continue;
            }
            boolean worse = figure.better() == Better.HIGHER ? two < one * 0.9 : two > one * 1.1;
            if (worse) {
                parts.add(String.format(Locale.ROOT, "%s, %s %s vs %s %s", figure.variant(), figure.metric(),
                        dev.roadie.bench.report.ReportWriter.number(two), dev.roadie.bench.report.ReportWriter.number(one),
                        figure.unit()));
            }
        }
        return String.join("; ", parts);
    }

    private void fail(String what, Exception e) {
        log.error("the cluster scenario ({}) failed: {}", what, e.toString(), e);
        context.results().note("errors", "cluster scenario, " + what + ": " + e);
    }
}
