package dev.roadie.client.testing;

import dev.roadie.client.ClientOptions;
import dev.roadie.client.ExponentialBackoff;
import dev.roadie.client.RoadieClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Makes SDK clients for tests with quick backoff, and closes them all at the end. */
public final class Clients implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(15);

    private final List<RoadieClient> clients = new ArrayList<>();

    /** Options for a client of {@code hub} with this token, reconnecting within half a second. */
    public static ClientOptions.Builder options(LiveHub hub, String token) {
        return base(token).hub(hub.uri());
    }

    /** Options without a hub URI, for tests that choose their own. */
    public static ClientOptions.Builder base(String token) {
        return ClientOptions.builder()
                .token(token)
                .heartbeatTolerance(3)
                .reconnectPolicy(new ExponentialBackoff(Duration.ofMillis(50), Duration.ofMillis(500)))
                .connectTimeout(Duration.ofSeconds(5));
    }

    /** A connected client with a new token of these scopes. */
    public RoadieClient connect(LiveHub hub, String name, String kind, String... scopes) {
        return connect(hub, name, kind, b -> b, scopes);
    }

    /** A connected client with a new token of these scopes and options changed by {@code tweak}. */
    public RoadieClient connect(LiveHub hub, String name, String kind, UnaryOperator<ClientOptions.Builder> tweak,
            String... scopes) {
        RoadieClient client = create(tweak.apply(options(hub, hub.token(name, kind, scopes)).clientName(name)).build());
        client.awaitConnected(WAIT);
        return client;
    }

    /** A client that is started but not waited for. */
    public RoadieClient create(ClientOptions options) {
        RoadieClient client = RoadieClient.create(options);
        clients.add(client);
        return client;
    }

    @Override
    public void close() {
        clients.forEach(RoadieClient::close);
    }
}
