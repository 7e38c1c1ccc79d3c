package dev.roadie.desktop.hubs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.companion.pairing.PairedHub;
import dev.roadie.desktop.settings.DesktopSettings;
import dev.roadie.desktop.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub list's logic with plain JUnit: the real settings file, and the screens it asks for written down. */
class HubsViewModelTest {
    static final PairedHub HOME = new PairedHub("http://home:7070", "rd_home", "alice");
    static final PairedHub CLUB = new PairedHub("https://club.example.org:7443", "rd_club", "alice");

    @TempDir
    Path folder;
    SettingsStore store;
    final List<String> shown = new ArrayList<>();
    Runnable back;
    HubsViewModel model;

    @BeforeEach
    void create() {
        store = new SettingsStore(folder.resolve("desktop.json"));
        model = new HubsViewModel(store, new HubsViewModel.Screens() {
            @Override
            public void main(PairedHub hub) {
                shown.add("main " + hub.hub());
            }

            @Override
            public void pairing(String address, Runnable back) {
                HubsViewModelTest.this.back = back;
                shown.add("pairing " + address + (back == null ? "" : " with back"));
            }
        });
    }

    @Test
    void the_first_run_shows_pairing_without_a_way_back() {
        model.start();

        assertThat(shown).containsExactly("pairing null");
        assertThat(model.hubs()).isEmpty();
        assertThat(model.inUse().get()).isNull();
    }

    @Test
    void a_start_shows_the_hub_in_use_and_lists_every_paired_one() {
        store.save(DesktopSettings.EMPTY.paired(HOME).paired(CLUB).using(HOME.hub()));

        model.start();

        assertThat(shown).containsExactly("main http://home:7070");
        assertThat(model.hubs()).containsExactly(HOME, CLUB);
        assertThat(model.inUse().get()).isEqualTo(HOME);
    }

    @Test
    void switching_shows_the_other_hub_and_is_remembered_for_the_next_start() {
        store.save(DesktopSettings.EMPTY.paired(HOME).paired(CLUB).using(HOME.hub()));
        model.start();

        model.use(CLUB);
        model.use(CLUB);

        assertThat(shown).containsExactly("main http://home:7070", "main https://club.example.org:7443");
        assertThat(model.inUse().get()).isEqualTo(CLUB);
        assertThat(store.load().inUse()).contains(CLUB);
    }

    @Test
    void pairing_with_another_hub_offers_a_way_back_and_adds_the_new_hub_once_approved() {
        store.save(DesktopSettings.EMPTY.paired(HOME));
        model.start();

        model.pairAnother();
        assertThat(shown).containsExactly("main http://home:7070", "pairing null with back");
        back.run();
        assertThat(shown).last().isEqualTo("main http://home:7070");
        model.pairAnother();
        model.paired(CLUB);

        assertThat(shown).last().isEqualTo("main https://club.example.org:7443");
        assertThat(model.hubs()).containsExactly(HOME, CLUB);
        assertThat(store.load().hubs()).containsExactly(HOME, CLUB);
        assertThat(store.load().inUse()).contains(CLUB);
    }

    @Test
    void forgetting_the_hub_in_use_moves_to_the_next_and_then_to_pairing() throws Exception {
        store.save(DesktopSettings.EMPTY.paired(HOME).paired(CLUB));
        model.start();

        model.forget();
        assertThat(shown).last().isEqualTo("main http://home:7070");
        assertThat(model.hubs()).containsExactly(HOME);
        assertThat(Files.readString(store.file())).doesNotContain("rd_club");

        model.forget();
        assertThat(shown).last().isEqualTo("pairing null");
        assertThat(model.hubs()).isEmpty();
        assertThat(store.load()).isEqualTo(DesktopSettings.EMPTY);
    }

    @Test
    void a_refused_token_is_forgotten_and_pairing_shows_the_same_address_with_a_way_back_to_another_hub() {
        store.save(DesktopSettings.EMPTY.paired(HOME).paired(CLUB));
        model.start();

        model.pairAgain();

        assertThat(shown).last().isEqualTo("pairing https://club.example.org:7443 with back");
        assertThat(store.load().hubs()).containsExactly(HOME);
        back.run();
        assertThat(shown).last().isEqualTo("main http://home:7070");
    }

    @Test
    void an_unreadable_file_starts_as_on_first_run() throws Exception {
        Files.writeString(store.file(), "{not json");

        model.start();

        assertThat(shown).containsExactly("pairing null");
    }

    @Test
    void a_hub_is_labelled_by_its_host_and_port() {
        assertThat(HubsViewModel.label(HOME)).isEqualTo("home:7070");
        assertThat(HubsViewModel.label(CLUB)).isEqualTo("club.example.org:7443 (https)");
    }
}
