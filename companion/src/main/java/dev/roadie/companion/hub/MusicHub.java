package dev.roadie.companion.hub;

import dev.roadie.model.music.PlayerCommand;
import dev.roadie.model.music.PlayerEvent;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.search.ResolveAnswer;
import dev.roadie.model.search.SearchAnswer;
import dev.roadie.model.search.SearchPart;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What the main window needs from the hub, so that its ViewModels can be tested with a fake.
 * Callbacks come on the SDK's event thread: ViewModels move them to the UI thread.
 */
public interface MusicHub {

    /** Searches every provider; {@code onPart} gets each provider's results as they come. */
    CompletableFuture<SearchAnswer> search(String query, Consumer<SearchPart> onPart);

    /** Reads a link (a YouTube or Deezer page, ...) into the track it names. */
    CompletableFuture<ResolveAnswer> resolve(String link);

    /** Sends a player command to {@code bot}; completes with the bot's queue, or fails with its refusal. */
    CompletableFuture<PlayerEvent.QueueSnapshot> command(ServiceId bot, PlayerCommand command);

    /** Follows the player events of {@code guild}; closing stops. */
    AutoCloseable followPlayer(String guild, Consumer<PlayerEvent> onEvent);

    /** Calls {@code onChange} with every music bot the registry lists, now and after each change. */
    AutoCloseable watchBots(Consumer<List<Bot>> onChange);

    /** Calls {@code onChange} with the connection's state, now and after each change. */
    AutoCloseable watchConnection(Consumer<Connection> onChange);
}
