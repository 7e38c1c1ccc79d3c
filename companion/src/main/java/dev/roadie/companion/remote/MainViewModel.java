package dev.roadie.companion.remote;

import dev.roadie.companion.hub.Bot;
import dev.roadie.companion.hub.Connection;
import dev.roadie.companion.hub.MusicHub;
import dev.roadie.model.registry.ServiceState;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The window's frame: the connection's state, and the bot and guild picker. Its {@link #target()}
 * is what search and the player act on.
 */
public final class MainViewModel {
    private final MusicHub hub;
    private final Executor ui;

    private final ReadOnlyObjectWrapper<Connection> connection = new ReadOnlyObjectWrapper<>(Connection.connecting());
    private final ObservableList<Bot> bots = FXCollections.observableArrayList();
    private final ObjectProperty<Bot> bot = new SimpleObjectProperty<>();
    private final ObservableList<String> guilds = FXCollections.observableArrayList();
    private final ObjectProperty<String> guild = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Target> target = new ReadOnlyObjectWrapper<>();

    public MainViewModel(MusicHub hub, Executor ui) {
        this.hub = hub;
        this.ui = ui;
        bot.addListener((o, was, now) -> {
            List<String> list = now == null ? List.of() : now.guilds();
            if (!guilds.equals(list)) {
                guilds.setAll(list);
            }
            if (guild.get() == null || !list.contains(guild.get())) {
                guild.set(list.isEmpty() ? null : list.getFirst());
            }
        });
        target.bind(Bindings.createObjectBinding(() -> bot.get() == null || guild.get() == null ? null
                : new Target(bot.get().id(), guild.get()), bot, guild));
    }

    /** Starts following the connection and the registry. */
    public void start() {
        hub.watchConnection(now -> ui.execute(() -> connection.set(now)));
        hub.watchBots(list -> ui.execute(() -> updateBots(list)));
    }

    private void updateBots(List<Bot> list) {
        Bot chosen = bot.get();
        bots.setAll(list);
        Bot same = chosen == null ? null
                : list.stream().filter(b -> b.id().equals(chosen.id())).findFirst().orElse(null);
        if (same != null) {
            bot.set(same);
        } else if (chosen == null) {
            bot.set(list.stream().filter(b -> b.state() == ServiceState.UP).findFirst()
                    .orElse(list.isEmpty() ? null : list.getFirst()));
        }
        // A chosen bot that left the registry stays chosen: it may come back (a restart).
    }

    /** Whether the hub refused this device's token: only pairing again helps. */
    public BooleanBinding refused() {
        return Bindings.createBooleanBinding(() -> connection.get().kind() == Connection.Kind.REFUSED, connection);
    }

    public ReadOnlyObjectProperty<Connection> connection() {
        return connection.getReadOnlyProperty();
    }

    public ObservableList<Bot> bots() {
        return bots;
    }

    public ObjectProperty<Bot> bot() {
        return bot;
    }

    public ObservableList<String> guilds() {
        return guilds;
    }

    public ObjectProperty<String> guild() {
        return guild;
    }

    public ReadOnlyObjectProperty<Target> target() {
        return target.getReadOnlyProperty();
    }
}
