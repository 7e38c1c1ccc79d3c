package dev.roadie.desktop.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.companion.pairing.PairedHub;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesktopSettingsTest {
    static final PairedHub HOME = new PairedHub("http://home:7070", "rd_home", "alice");
    static final PairedHub CLUB = new PairedHub("https://club.example.org:7443", "rd_club", "alice");

    @Test
    void a_paired_hub_is_added_and_used() {
        DesktopSettings settings = DesktopSettings.EMPTY.paired(HOME).paired(CLUB);

        assertThat(settings.hubs()).containsExactly(HOME, CLUB);
        assertThat(settings.inUse()).contains(CLUB);
    }

    @Test
    void pairing_again_with_the_same_address_replaces_the_token_in_its_place() {
        PairedHub again = new PairedHub("http://home:7070", "rd_new", "alice");

        DesktopSettings settings = DesktopSettings.EMPTY.paired(HOME).paired(CLUB).paired(again);

        assertThat(settings.hubs()).containsExactly(again, CLUB);
        assertThat(settings.inUse()).contains(again);
    }

    @Test
    void forgetting_the_hub_in_use_uses_the_first_one_left() {
        DesktopSettings settings = DesktopSettings.EMPTY.paired(HOME).paired(CLUB).without(CLUB.hub());

        assertThat(settings.hubs()).containsExactly(HOME);
        assertThat(settings.inUse()).contains(HOME);
        assertThat(settings.without(HOME.hub()).inUse()).isEmpty();
    }

    @Test
    void forgetting_another_hub_keeps_the_one_in_use() {
        DesktopSettings settings = DesktopSettings.EMPTY.paired(HOME).paired(CLUB).without(HOME.hub());

        assertThat(settings.inUse()).contains(CLUB);
    }

    @Test
    void only_a_paired_hub_can_be_used() {
        assertThatThrownBy(() -> DesktopSettings.EMPTY.paired(HOME).using("http://elsewhere:7070"))
                .hasMessageContaining("not a paired hub");
    }

    @Test
    void a_current_hub_missing_from_the_list_falls_back_to_the_first() {
        assertThat(new DesktopSettings(List.of(HOME, CLUB), "http://gone:7070").inUse()).contains(HOME);
        assertThat(new DesktopSettings(null, null).inUse()).isEmpty();
    }
}
