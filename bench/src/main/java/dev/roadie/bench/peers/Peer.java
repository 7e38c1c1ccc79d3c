package dev.roadie.bench.peers;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One connection of the load generator to a system under test, through that system's own
 * client library. Payloads are strings; what travels around them is each system's own framing.
 */
public interface Peer extends AutoCloseable {

    /** Hands every message that reaches this peer (sent to it or to a group it joined) to {@code handler}. */
    void onMessage(Consumer<String> handler);

    /** Answers requests (and the parts of a gather) that reach this peer with {@code handler}'s result. */
    void onRequest(UnaryOperator<String> handler);

    /** Joins a group (topic, room, subject), waiting until the system confirmed it. */
    void join(String group) throws Exception;

    /** Sends one message to the peer called {@code name}; does not wait. */
    void send(String name, String payload);

    /** Sends one message to every member of {@code group}; does not wait. */
    void publish(String group, String payload);

    /** Asks the peer called {@code name}; completes with its answer. */
    CompletableFuture<String> request(String name, String payload, Duration timeout);

    /** Asks every member of {@code group} ({@code expected} of them); completes with how many answered. */
    CompletableFuture<Integer> gather(String group, int expected, String payload, Duration timeout);

    /** Messages or requests this peer could not hand to its library (refused, queue full). */
    long failures();

    @Override
    void close();
}
