package dev.roadie.companion.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class LinksTest {

    @Test
    void the_full_stop_that_ends_a_sentence_is_not_part_of_the_link() {
        assertThat(Links.firstWeb("see https://x.y/a.")).contains("https://x.y/a");
        assertThat(Links.firstWeb("(listen: https://open.spotify.com/track/1)!")).contains("https://open.spotify.com/track/1");
    }

    @Test
    void a_links_own_closing_bracket_stays() {
        assertThat(Links.firstWeb("read https://en.wikipedia.org/wiki/Song_(band).")).contains(
                "https://en.wikipedia.org/wiki/Song_(band)");
    }

    @Test
    void only_the_schemes_asked_for_count() {
        assertThat(Links.firstWeb("roadie://pair?code=A then http://b.example/x")).contains("http://b.example/x");
        assertThat(Links.first("open roadie://play?q=x", Set.of("http", "https", "roadie"))).contains("roadie://play?q=x");
        assertThat(Links.firstWeb("file:///home/alice/song.mp3")).isEmpty();
        assertThat(Links.firstWeb(null)).isEmpty();
    }
}
