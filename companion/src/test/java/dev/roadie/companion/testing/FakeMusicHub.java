package dev.roadie.companion.testing;

import dev.roadie.companion.hub.Bot;
import dev.roadie.companion.hub.Connection;
import dev.roadie.companion.hub.MusicHub;
import dev.roadie.model.music.PlayerCommand;
import dev.roadie.model.music.PlayerEvent;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.search.ResolveAnswer;
import dev.roadie.model.search.SearchAnswer;
import dev.roadie.model.search.SearchPart;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A {@link MusicHub} whose answers the test gives: searches and commands wait until the test
 * completes them; events, bots and the connection are pushed by the test. Everything on the
 * test's thread.
 */
public final class FakeMusicHub implements MusicHub {
    public record Search(String query, Consumer<SearchPart> onPart, CompletableFuture<SearchAnswer> answer) {
    }

    public record Command(ServiceId bot, PlayerCommand command, CompletableFuture<PlayerEvent.QueueSnapshot> answer) {
    }

    public final List<Search> searches = new ArrayList<>();
    public final List<Command> commands = new ArrayList<>();
    public final Map<String, CompletableFuture<ResolveAnswer>> resolves = new HashMap<>();
    private final Map<String, Consumer<PlayerEvent>> players = new HashMap<>();
    private Consumer<List<Bot>> bots = list -> { };
    private Consumer<Connection> connection = c -> { };

    @Override
    public CompletableFuture<SearchAnswer> search(String query, Consumer<SearchPart> onPart) {
        Search search = new Search(query, onPart, new CompletableFuture<>());
        searches.add(search);
        return search.answer();
    }

    @Override
    public CompletableFuture<ResolveAnswer> resolve(String link) {
        return resolves.computeIfAbsent(link, l -> new CompletableFuture<>());
    }

    @Override
    public CompletableFuture<PlayerEvent.QueueSnapshot> command(ServiceId bot, PlayerCommand command) {
        Command sent = new Command(bot, command, new CompletableFuture<>());
        commands.add(sent);
        return sent.answer();
    }

    @Override
    public AutoCloseable followPlayer(String guild, Consumer<PlayerEvent> onEvent) {
        players.put(guild, onEvent);
        return () -> players.remove(guild);
    }

    @Override
    public AutoCloseable watchBots(Consumer<List<Bot>> onChange) {
        bots = onChange;
        return () -> bots = list -> { };
    }

    @Override
    public AutoCloseable watchConnection(Consumer<Connection> onChange) {
        connection = onChange;
        onChange.accept(Connection.connecting());
        return () -> connection = c -> { };
    }

    public void publish(PlayerEvent event) {
        Consumer<PlayerEvent> player = players.get(event.guild());
        if (player != null) {
            player.accept(event);
        }
    }

    public boolean follows(String guild) {
        return players.containsKey(guild);
    }

    public void bots(List<Bot> list) {
        bots.accept(list);
    }

    public void connection(Connection now) {
        connection.accept(now);
    }

    public Command lastCommand() {
        return commands.getLast();
    }
}
