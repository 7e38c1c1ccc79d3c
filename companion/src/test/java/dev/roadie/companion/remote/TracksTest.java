package dev.roadie.companion.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.model.music.Track;
import org.junit.jupiter.api.Test;

class TracksTest {
    static Track track(String title, String uri, String artwork) {
        return new Track(title, "Harbour Lights", null, 200_000, uri, artwork, "deezer", null, true);
    }

    @Test
    void the_same_address_and_title_is_the_same_track_whatever_else_differs() {
        assertThat(Tracks.same(track("Paper Boats", "https://x/1", null), track("Paper Boats", "https://x/1", "https://art")))
                .isTrue();
        assertThat(Tracks.key(track("Paper Boats", "https://x/1", null)))
                .isEqualTo(Tracks.key(track("Paper Boats", "https://x/1", "https://art")));
    }

    @Test
    void another_address_or_title_or_no_track_is_not() {
        assertThat(Tracks.same(track("Paper Boats", "https://x/1", null), track("Paper Boats", "https://x/2", null))).isFalse();
        assertThat(Tracks.same(track("Paper Boats", "https://x/1", null), track("Folded Maps", "https://x/1", null))).isFalse();
        assertThat(Tracks.same(null, track("Paper Boats", "https://x/1", null))).isFalse();
    }
}
