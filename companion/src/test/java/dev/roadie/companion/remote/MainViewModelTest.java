package dev.roadie.companion.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.companion.hub.Bot;
import dev.roadie.companion.hub.Connection;
import dev.roadie.companion.testing.FakeMusicHub;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainViewModelTest {
    final FakeMusicHub hub = new FakeMusicHub();
    final MainViewModel model = new MainViewModel(hub, Runnable::run);
    static final Bot EU = new Bot(new ServiceId("music-bot", "eu"), ServiceState.UP, List.of("1", "2"));
    static final Bot US = new Bot(new ServiceId("music-bot", "us"), ServiceState.UP, List.of("3"));

    @Test
    void the_first_bot_up_and_its_first_guild_are_chosen_when_the_registry_comes() {
        model.start();
        assertThat(model.target().get()).isNull();

        hub.bots(List.of(new Bot(new ServiceId("music-bot", "asleep"), ServiceState.DRAINING, List.of("9")), EU));

        assertThat(model.bot().get()).isEqualTo(EU);
        assertThat(model.guilds()).containsExactly("1", "2");
        assertThat(model.target().get()).isEqualTo(new Target(EU.id(), "1"));
    }

    @Test
    void choosing_another_bot_offers_its_guilds_and_keeps_the_choice_across_registry_changes() {
        model.start();
        hub.bots(List.of(EU, US));

        model.bot().set(US);
        assertThat(model.target().get()).isEqualTo(new Target(US.id(), "3"));

        hub.bots(List.of(EU, new Bot(US.id(), ServiceState.UP, List.of("3", "4"))));
        assertThat(model.bot().get().guilds()).containsExactly("3", "4");
        assertThat(model.target().get()).isEqualTo(new Target(US.id(), "3"));
    }

    @Test
    void the_connection_is_always_shown_in_words() {
        model.start();
        assertThat(model.connection().get().kind()).isEqualTo(Connection.Kind.CONNECTING);

        hub.connection(new Connection(Connection.Kind.RECONNECTING, "Connection lost · reconnecting…"));

        assertThat(model.connection().get().words()).isEqualTo("Connection lost · reconnecting…");
        assertThat(model.refused().get()).isFalse();

        hub.connection(new Connection(Connection.Kind.REFUSED, "The hub refused this device"));
        assertThat(model.refused().get()).isTrue();
    }
}
