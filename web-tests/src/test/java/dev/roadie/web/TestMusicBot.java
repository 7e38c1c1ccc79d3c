package dev.roadie.web;

import dev.roadie.client.IncomingRequest;
import dev.roadie.client.RequestFailedException;
import dev.roadie.client.RoadieClient;
import dev.roadie.client.testing.Clients;
import dev.roadie.hub.testing.TestHub;
import dev.roadie.model.music.PlayerCommand;
import dev.roadie.model.music.PlayerEvent;
import dev.roadie.model.music.Track;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.wire.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A music bot for the page's tests, built on the SDK as a real bot is: it announces itself,
 * answers {@code player.command} requests (docs/PROTOCOL.md §12) with a real queue, and publishes
 * a {@code queue} event on topic {@code player.GUILD} after every change.
 */
final class TestMusicBot implements AutoCloseable {
    /** What the bot announces as a secret: the page must never show it. */
    static final String SECRET = "bot-password-never-shown";

    private static final Logger LOG = LoggerFactory.getLogger(TestMusicBot.class);

    private final String name;
    private final RoadieClient client;
    private final List<PlayerCommand> received = new CopyOnWriteArrayList<>();
    private final List<Track> queue = new ArrayList<>();
    private Track playing;
    private boolean paused;

    private TestMusicBot(String name, RoadieClient client) {
        this.name = name;
        this.client = client;
    }

    /**
     * Connects as music-bot/NAME with a new token and announces the service; returns once the hub
     * confirmed the announcement, so that the page can find the bot.
     */
    static TestMusicBot start(TestHub hub, String name) {
        String token = hub.token(name, "music-bot", "publish:player.*", "announce:music-bot", "subscribe:player.*");
        RoadieClient client = RoadieClient.create(Clients.base(token)
                .hub("ws://127.0.0.1:" + hub.port() + "/ws").clientName(name).build());
        TestMusicBot bot = new TestMusicBot(name, client);
        try {
            // Requests of any other subject are answered no-handler by the SDK itself.
            client.handle(PlayerCommand.SUBJECT, bot::answer);
            client.announce(new ServiceDescriptor("music-bot", name, null, List.of("player"),
                    Map.of("region", "test"), Map.of("password", SECRET)))
                    .orTimeout(Clients.WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        return bot;
    }

    String name() {
        return name;
    }

    /** Every command received, oldest first. */
    List<PlayerCommand> received() {
        return List.copyOf(received);
    }

    synchronized List<String> queueTitles() {
        return queue.stream().map(Track::title).toList();
    }

    synchronized String playingTitle() {
        return playing == null ? null : playing.title();
    }

    /** Runs on the client's event thread; a body that is no command is answered invalid-frame by the SDK. */
    private PlayerEvent.QueueSnapshot answer(IncomingRequest request) {
        PlayerCommand command = request.as(PlayerCommand.class);
        received.add(command);
        PlayerEvent.QueueSnapshot snapshot;
        synchronized (this) {
            try {
                apply(command);
            } catch (IndexOutOfBoundsException e) {
                throw new RequestFailedException("no-such-entry", "no queue entry there");
            }
            snapshot = snapshot(command.guild());
        }
        if (!(command instanceof PlayerCommand.ShowQueue) && !(command instanceof PlayerCommand.NowPlaying)) {
            // Sent before the reply leaves, as a real bot does: every companion of the guild follows the change.
            client.send(Address.topic(PlayerEvent.topic(command.guild())), PlayerEvent.SUBJECT, snapshot)
                    .whenComplete((ok, failure) -> {
                        if (failure != null) {
                            LOG.error("the hub refused the queue event of guild {}", command.guild(), failure);
                        }
                    });
        }
        return snapshot;
    }

    private void apply(PlayerCommand command) {
        switch (command) {
            case PlayerCommand.Add add -> {
                Track track = add.track() != null ? add.track()
                        : new Track(add.query(), null, null, 0, null, null, "query", null, false);
                switch (add.position()) {
                    case NOW -> {
                        playing = track;
                        paused = false;
                    }
                    case NEXT -> queue.addFirst(track);
                    case END -> queue.add(track);
                }
                if (playing == null) {
                    playing = queue.removeFirst();
                }
            }
            case PlayerCommand.Remove remove -> queue.remove(remove.index());
            case PlayerCommand.Move move -> queue.add(move.to(), queue.remove(move.from()));
            case PlayerCommand.Clear clear -> queue.clear();
            case PlayerCommand.Pause pause -> paused = true;
            case PlayerCommand.Resume resume -> paused = false;
            case PlayerCommand.Skip skip -> {
                playing = queue.isEmpty() ? null : queue.removeFirst();
                paused = false;
            }
            case PlayerCommand.Stop stop -> {
                playing = null;
                queue.clear();
            }
            default -> {
                // seek, volume, now-playing and queue change nothing this bot tracks
            }
        }
    }

    private PlayerEvent.QueueSnapshot snapshot(String guild) {
        return new PlayerEvent.QueueSnapshot(guild,
                new PlayerEvent.NowPlaying(guild, playing, 0, paused, 100), List.copyOf(queue));
    }

    /** Leaves for good (close 1000): the hub ends its session. */
    @Override
    public void close() {
        client.close();
    }
}
