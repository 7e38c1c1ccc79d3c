package dev.roadie.bench.peers;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A jnats connection. Subjects: {@code m.NAME} for messages to a peer, {@code r.NAME} for its
 * requests, {@code g.GROUP} and {@code q.GROUP} for a group's messages and gathers. NATS has no
 * gather: the asker publishes with a reply inbox and counts the answers, as NATS users do.
 */
final class NatsPeer extends PeerBase {
    private final String name;
    private final Connection connection;
    private final Dispatcher dispatcher;
    /** Answers to this peer's gathers come to GATHER_INBOX.N, one subscription for all of them. */
    private final String gatherInbox;
    private final AtomicLong gathers = new AtomicLong();
    private final Map<String, Gathering> gathering = new ConcurrentHashMap<>();

    private record Gathering(CompletableFuture<Integer> done, int expected, AtomicInteger answers) {
    }

    NatsPeer(String server, String name) throws Exception {
        this.name = name;
        connection = Nats.connect(Options.builder().server(server).connectionName(name).maxReconnects(0).build());
        dispatcher = connection.createDispatcher();
        dispatcher.subscribe("m." + name, message -> onMessage.accept(text(message)));
        dispatcher.subscribe("r." + name, this::answer);
        gatherInbox = connection.createInbox();
        dispatcher.subscribe(gatherInbox + ".*", this::gathered);
        connection.flush(Duration.ofSeconds(30));
    }

    private void answer(Message request) {
        connection.publish(request.getReplyTo(), onRequest.apply(text(request)).getBytes(StandardCharsets.UTF_8));
    }

    private void gathered(Message answer) {
        Gathering one = gathering.get(answer.getSubject());
        if (one != null && one.answers().incrementAndGet() == one.expected()) {
            one.done().complete(one.expected());
        }
    }

    private static String text(Message message) {
        return new String(message.getData(), StandardCharsets.UTF_8);
    }

    @Override
    public void join(String group) throws Exception {
        dispatcher.subscribe("g." + group, message -> onMessage.accept(text(message)));
        dispatcher.subscribe("q." + group, this::answer);
        connection.flush(Duration.ofSeconds(30));
    }

    @Override
    public void send(String to, String payload) {
        publish("m." + to, null, payload);
    }

    @Override
    public void publish(String group, String payload) {
        publish("g." + group, null, payload);
    }

    private void publish(String subject, String replyTo, String payload) {
        try {
            connection.publish(subject, replyTo, payload.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            failures.increment();
        }
    }

    @Override
    public CompletableFuture<String> request(String to, String payload, Duration timeout) {
        return connection.requestWithTimeout("r." + to, payload.getBytes(StandardCharsets.UTF_8), timeout)
                .thenApply(NatsPeer::text);
    }

    @Override
    public CompletableFuture<Integer> gather(String group, int expected, String payload, Duration timeout) {
        String inbox = gatherInbox + "." + gathers.incrementAndGet();
        Gathering one = new Gathering(new CompletableFuture<>(), expected, new AtomicInteger());
        gathering.put(inbox, one);
        publish("q." + group, inbox, payload);
        return one.done().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((n, e) -> gathering.remove(inbox));
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "nats peer " + name;
    }
}
