package dev.roadie.bench.peers;

import dev.roadie.client.GatherResult;
import dev.roadie.client.RoadieClient;
import dev.roadie.client.RoadieException;
import dev.roadie.client.Subscription;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.GatherMode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;

/** A Roadie SDK client as a benchmark peer: messages of subject {@code bench}, requests of subject {@code bench.ask}. */
final class RoadiePeer extends PeerBase {
    static final String KIND = "bench";
    private static final String MESSAGE = "bench";
    private static final String ASK = "bench.ask";

    private final RoadieClient client;

    RoadiePeer(RoadieClient client) {
        this.client = client;
        client.receive(MESSAGE, message -> onMessage.accept(text(message.body())));
    }

    RoadieClient client() {
        return client;
    }

    @Override
    public void onRequest(UnaryOperator<String> handler) {
        client.handle(ASK, request -> handler.apply(text(request.body())));
    }

    @Override
    public void join(String group) throws Exception {
        Subscription subscription = client.subscribe(group, message -> onMessage.accept(text(message.body())));
        subscription.ready().get(30, TimeUnit.SECONDS);
    }

    @Override
    public void send(String name, String payload) {
        submit(() -> client.send(Address.service(KIND, name), MESSAGE, payload));
    }

    @Override
    public void publish(String group, String payload) {
        submit(() -> client.send(Address.topic(group), MESSAGE, payload));
    }

    private void submit(java.util.function.Supplier<CompletableFuture<Void>> sending) {
        try {
            sending.get().exceptionally(failure -> {
                failures.increment();
                return null;
            });
        } catch (RoadieException e) {
            // The outbox is full: the hub confirms less than is sent. Counted, not fatal: it is what saturation looks like.
            failures.increment();
        }
    }

    @Override
    public CompletableFuture<String> request(String name, String payload, Duration timeout) {
        return client.request(Address.service(KIND, name), ASK, payload, timeout).thenApply(reply -> {
            if (!reply.isOk()) {
                throw new IllegalStateException("request answered " + reply.status() + ": " + reply.error());
            }
            return text(reply.body());
        });
    }

    @Override
    public CompletableFuture<Integer> gather(String group, int expected, String payload, Duration timeout) {
        return client.gather(Address.topic(group), ASK, payload, timeout, GatherMode.ALL, 0)
                .thenApply((GatherResult result) -> result.ok().size());
    }

    @Override
    public void close() {
        client.close();
    }

    private static String text(JsonNode body) {
        return body == null ? "" : body.asString();
    }
}
