package dev.roadie.hub.web;

import dev.roadie.hub.testing.TestHub;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.music.PlayerCommand;
import dev.roadie.model.music.PlayerEvent;
import dev.roadie.model.music.Track;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.Announce;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Reply;
import dev.roadie.model.wire.ReplyStatus;
import dev.roadie.model.wire.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.json.JsonMapper;

/**
 * A music bot for the page's tests, on a real socket: it announces itself, answers
 * {@code player.command} requests (docs/PROTOCOL.md §12) with a real queue, and publishes a
 * {@code queue} event on topic {@code player.GUILD} after every change, as a real bot does.
 */
final class TestMusicBot implements AutoCloseable {
    /** What the bot announces as a secret: the page must never show it. */
    static final String SECRET = "bot-password-never-shown";

    private static final JsonMapper JSON = FrameCodec.DEFAULT.mapper();

    private final String name;
    private final WireClient socket;
    private final List<PlayerCommand> received = new CopyOnWriteArrayList<>();
    private final List<Track> queue = new ArrayList<>();
    private Track playing;
    private boolean paused;

    private TestMusicBot(String name, WireClient socket) {
        this.name = name;
        this.socket = socket;
    }

    /** Connects as music-bot/NAME with a new token and announces the service. */
    static TestMusicBot start(TestHub hub, String name) {
        String token = hub.token(name, "music-bot", "publish:player.*", "announce:music-bot", "subscribe:player.*");
        WireClient socket = WireClient.authenticated(hub.port(), token);
        TestMusicBot bot = new TestMusicBot(name, socket);
        socket.respondWith(bot::answer);
        socket.sendNumbered(new Announce(0, "announce-" + name, new ServiceDescriptor("music-bot", name, null,
                List.of("player"), Map.of("region", "test"), Map.of("password", SECRET))));
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

    private Reply answer(Request request) {
        if (!PlayerCommand.SUBJECT.equals(request.subject())) {
            return Reply.failed(request.id(), ReplyStatus.NO_HANDLER, "no-handler", "this bot only plays music");
        }
        PlayerCommand command;
        try {
            command = JSON.treeToValue(request.body(), PlayerCommand.class);
        } catch (RuntimeException e) {
            return Reply.failed(request.id(), ReplyStatus.ERROR, "invalid-frame", e.getMessage());
        }
        received.add(command);
        PlayerEvent.QueueSnapshot snapshot;
        synchronized (this) {
            try {
                apply(command);
            } catch (IndexOutOfBoundsException e) {
                return Reply.failed(request.id(), ReplyStatus.ERROR, "no-such-entry", "no queue entry there");
            }
            snapshot = snapshot(command.guild());
        }
        if (!(command instanceof PlayerCommand.ShowQueue) && !(command instanceof PlayerCommand.NowPlaying)) {
            socket.sendNumbered(new Message(0, UUID.randomUUID().toString(), null,
                    Address.topic(PlayerEvent.topic(command.guild())), PlayerEvent.SUBJECT,
                    JSON.valueToTree(snapshot), false));
        }
        return Reply.ok(request.id(), JSON.valueToTree(snapshot));
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
        socket.close();
    }
}
