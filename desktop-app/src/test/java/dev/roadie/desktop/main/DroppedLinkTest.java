package dev.roadie.desktop.main;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DroppedLinkTest {

    @Test
    void a_uri_list_gives_its_first_address_after_the_comments() {
        assertThat(DroppedLink.in("# a comment\r\nhttps://www.youtube.com/watch?v=a\r\nhttps://b.example/\r\n", null))
                .contains("https://www.youtube.com/watch?v=a");
    }

    @Test
    void plain_text_gives_the_first_link_in_it() {
        assertThat(DroppedLink.in(null, "listen: <https://soundcloud.com/x/y> and http://z.example"))
                .contains("https://soundcloud.com/x/y");
    }

    @Test
    void the_full_stop_that_ends_a_sentence_is_left_out_of_the_link() {
        assertThat(DroppedLink.in(null, "see https://x.y/a.")).contains("https://x.y/a");
    }

    @Test
    void a_uri_list_without_a_web_address_falls_back_to_the_text() {
        assertThat(DroppedLink.in("file:///home/alice/song.mp3", "https://open.spotify.com/track/1"))
                .contains("https://open.spotify.com/track/1");
    }

    @Test
    void words_without_a_link_give_nothing() {
        assertThat(DroppedLink.in(null, "just words")).isEmpty();
        assertThat(DroppedLink.in(null, null)).isEmpty();
    }
}
