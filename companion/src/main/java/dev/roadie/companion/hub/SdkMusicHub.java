package dev.roadie.companion.hub;

import dev.roadie.client.ClientOptions;
import dev.roadie.client.ConnectionListener;
import dev.roadie.client.ConnectionState;
import dev.roadie.client.DisconnectCause;
import dev.roadie.client.DisconnectReason;
import dev.roadie.client.RoadieClient;
import dev.roadie.client.Subscription;
import dev.roadie.companion.pairing.HubAddress;
import dev.roadie.companion.pairing.PairedHub;
import dev.roadie.model.music.PlayerCommand;
import dev.roadie.model.music.PlayerEvent;
import dev.roadie.model.registry.RegistryEvent;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.search.ResolveAnswer;
import dev.roadie.model.search.SearchAnswer;
import dev.roadie.model.search.SearchPart;
import dev.roadie.model.search.SearchRequest;
import dev.roadie.model.wire.Address;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MusicHub} over the Java SDK's one connection. The SDK reconnects, resumes and
 * resubscribes by itself: this class only turns its events into what the window shows.
 */
public final class SdkMusicHub implements MusicHub, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SdkMusicHub.class);
    /** Results per provider: a screenful, fast to merge. */
    private static final int SEARCH_LIMIT = 15;

    private final RoadieClient client;
    private final List<Consumer<Connection>> connectionWatchers = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<Bot>>> botWatchers = new CopyOnWriteArrayList<>();
    private final BotDirectory bots = new BotDirectory(list -> botWatchers.forEach(w -> w.accept(list)));
    private volatile Connection connection = Connection.connecting();
    private volatile boolean connectedBefore;
    private volatile boolean hubRestarted;
    private Subscription registry;
    private volatile boolean closed;
    /** The last player command sent; the next waits for its answer. */
    private CompletableFuture<?> lastCommand = CompletableFuture.completedFuture(null);

    /**
     * Connects to the hub the app paired with, with its token, as {@code clientName}
     * ({@code roadie-desktop}, {@code roadie-phone}): what the apps use outside tests.
     */
    public static SdkMusicHub connect(PairedHub paired, String clientName) {
        return new SdkMusicHub(ClientOptions.builder().hub(HubAddress.parse(paired.hub()).socket())
                .token(paired.token()).clientName(clientName));
    }

    /** Connects with {@code options} (hub and token set); the listener is this class's own. */
    public SdkMusicHub(ClientOptions.Builder options) {
        this.client = RoadieClient.create(options.listener(new Listener()).build());
    }

    /** The client itself, for what this class does not wrap. */
    public RoadieClient client() {
        return client;
    }

    @Override
    public CompletableFuture<SearchAnswer> search(String query, Consumer<SearchPart> onPart) {
        return client.searchStreaming(SearchRequest.of(query).withLimit(SEARCH_LIMIT), onPart);
    }

    @Override
    public CompletableFuture<ResolveAnswer> resolve(String link) {
        return client.resolve(link);
    }

    @Override
    public synchronized CompletableFuture<PlayerEvent.QueueSnapshot> command(ServiceId bot, PlayerCommand command) {
        // One at a time, each after the bot answered the one before: a bot may handle requests
        // side by side, and three tracks queued in a row must land in the order they were sent.
        CompletableFuture<PlayerEvent.QueueSnapshot> sent = lastCommand.handle((answered, failed) -> null)
                .thenCompose(previous -> client.request(Address.service(bot.kind(), bot.name()),
                        PlayerCommand.SUBJECT, command))
                .thenApply(reply -> reply.as(PlayerEvent.QueueSnapshot.class));
        lastCommand = sent;
        return sent;
    }

    @Override
    public AutoCloseable followPlayer(String guild, Consumer<PlayerEvent> onEvent) {
        if (closed) {
            // A closed hub follows nothing: an update queued on the UI thread before the screen
            // closed it may still pick a guild.
            return () -> { };
        }
        Subscription subscription = client.subscribe(PlayerEvent.topic(guild), message -> {
            if (PlayerEvent.SUBJECT.equals(message.subject())) {
                onEvent.accept(message.as(PlayerEvent.class));
            }
        });
        return subscription::close;
    }

    @Override
    public synchronized AutoCloseable watchBots(Consumer<List<Bot>> onChange) {
        botWatchers.add(onChange);
        if (registry == null) {
            registry = client.subscribe(RegistryEvent.TOPIC, bots::onMessage);
            // Without the scope registry the picker stays empty: say why in the log.
            registry.ready().exceptionally(refused -> {
                log.warn("The hub refused the registry's updates, so no bot can be listed: {}", refused.getMessage());
                return null;
            });
        } else {
            onChange.accept(bots.list());
        }
        return () -> botWatchers.remove(onChange);
    }

    @Override
    public AutoCloseable watchConnection(Consumer<Connection> onChange) {
        connectionWatchers.add(onChange);
        onChange.accept(connection);
        return () -> connectionWatchers.remove(onChange);
    }

    private void tell(Connection now) {
        connection = now;
        connectionWatchers.forEach(w -> w.accept(now));
    }

    @Override
    public void close() {
        closed = true;
        client.close();
    }

    /** Words for each change of the link, in the user's terms. */
    private final class Listener implements ConnectionListener {
        @Override
        public void connected(dev.roadie.client.SessionInfo session) {
            tell(new Connection(Connection.Kind.CONNECTED, hubRestarted
                    ? "Connected · the hub restarted; everything is followed again" : "Connected"));
            connectedBefore = true;
            hubRestarted = false;
        }

        @Override
        public void resumed(dev.roadie.client.SessionInfo session) {
            tell(new Connection(Connection.Kind.CONNECTED, "Connected"));
        }

        @Override
        public void hubRestarted(String oldEpoch, String newEpoch) {
            hubRestarted = true;
        }

        @Override
        public void disconnected(DisconnectReason reason) {
            if (reason.cause() == DisconnectCause.REFUSED) {
                tell(refused(reason));
            } else if (reason.cause() != DisconnectCause.CLOSED_BY_CLIENT) {
                tell(new Connection(Connection.Kind.RECONNECTING, "Connection lost · reconnecting…"));
            }
        }

        @Override
        public void attemptFailed(DisconnectReason reason) {
            if (reason.cause() == DisconnectCause.REFUSED) {
                tell(refused(reason));
            }
        }

        @Override
        public void reconnecting(Duration delay) {
            if (connection.kind() != Connection.Kind.REFUSED) {
                tell(new Connection(Connection.Kind.RECONNECTING, connectedBefore
                        ? "Connection lost · reconnecting…" : "Cannot reach the hub · trying again…"));
            }
        }

        @Override
        public void stateChanged(ConnectionState from, ConnectionState to) {
            if (to == ConnectionState.CLOSED) {
                tell(new Connection(Connection.Kind.CLOSED, "Disconnected"));
            } else if (to == ConnectionState.FAILED && connection.kind() != Connection.Kind.REFUSED) {
                tell(new Connection(Connection.Kind.REFUSED, "The hub refused this app: pair again"));
            }
        }

        private Connection refused(DisconnectReason reason) {
            return new Connection(Connection.Kind.REFUSED, "The hub refused this device (" + reason.message()
                    + "): it may have been revoked; pair again from the menu");
        }
    }
}
