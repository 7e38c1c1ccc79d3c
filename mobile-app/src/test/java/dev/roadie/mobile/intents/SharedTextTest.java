package dev.roadie.mobile.intents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.mobile.intents.PhoneCommand.QueueLink;
import dev.roadie.mobile.intents.PhoneCommand.Search;
import dev.roadie.mobile.intents.PhoneCommand.Unusable;
import dev.roadie.model.music.QueuePosition;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SEND text/plain: links, text with a link inside, plain words. */
class SharedTextTest {
    final IntentReader reader = IntentReader.english();

    PhoneCommand share(String text) {
        return reader.read(IncomingIntent.share(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://www.youtube.com/watch?v=UBS4Gi1y_nc|https://www.youtube.com/watch?v=UBS4Gi1y_nc",
        "  https://youtu.be/UBS4Gi1y_nc  |https://youtu.be/UBS4Gi1y_nc",
        "Listen to Windowlicker on Spotify https://open.spotify.com/track/3hZrmCHFqVOdRvNkhOvJdt?si=abc|https://open.spotify.com/track/3hZrmCHFqVOdRvNkhOvJdt?si=abc",
        "Windowlicker - Aphex Twin (https://www.deezer.com/track/3135556).|https://www.deezer.com/track/3135556",
        "Check this out: https://www.deezer.com/track/3135556, it's great!|https://www.deezer.com/track/3135556",
        "“https://soundcloud.com/aphex-twin/windowlicker”|https://soundcloud.com/aphex-twin/windowlicker",
        "HTTP://EXAMPLE.ORG/Song|HTTP://EXAMPLE.ORG/Song",
        "See https://en.wikipedia.org/wiki/Windowlicker_(song)|https://en.wikipedia.org/wiki/Windowlicker_(song)",
        "two links https://youtu.be/first and https://youtu.be/second|https://youtu.be/first",
    })
    void a_link_or_text_with_a_link_queues_the_link_at_the_end(String text, String link) {
        assertThat(share(text)).isEqualTo(new QueueLink(link, QueuePosition.END));
    }

    @Test
    void a_link_in_the_subject_counts_when_the_text_has_none() {
        IncomingIntent intent = new IncomingIntent(AndroidIntents.SEND, "text/plain", null, Map.of(
                AndroidIntents.EXTRA_TEXT, "Windowlicker", AndroidIntents.EXTRA_SUBJECT, "https://youtu.be/UBS4Gi1y_nc"));
        assertThat(reader.read(intent)).isEqualTo(new QueueLink("https://youtu.be/UBS4Gi1y_nc", QueuePosition.END));
    }

    @Test
    void plain_words_are_searched_to_pick_from() {
        assertThat(share("Windowlicker  Aphex\nTwin")).isEqualTo(new Search("Windowlicker Aphex Twin"));
    }

    @Test
    void the_subject_is_searched_when_there_is_no_text() {
        IncomingIntent intent = new IncomingIntent(AndroidIntents.SEND, "text/plain", null,
                Map.of(AndroidIntents.EXTRA_SUBJECT, "Paper Boats"));
        assertThat(reader.read(intent)).isEqualTo(new Search("Paper Boats"));
    }

    @Test
    void a_shared_roadie_link_is_followed() {
        assertThat(share("Tap roadie://queue?q=Paper%20Boats to add it"))
                .isEqualTo(new PhoneCommand.Play("Paper Boats", MediaFocus.UNSTRUCTURED, null, null, null, QueuePosition.END));
    }

    @Test
    void an_empty_share_or_another_type_is_refused_with_words() {
        assertThat(share("   ")).isInstanceOf(Unusable.class);
        assertThat(share(null)).isInstanceOf(Unusable.class);
        PhoneCommand image = reader.read(new IncomingIntent(AndroidIntents.SEND, "image/png", null, Map.of()));
        assertThat(image).isEqualTo(new Unusable("Roadie takes shared links and text, not image/png"));
    }

    @Test
    void a_type_with_a_charset_is_still_text() {
        IncomingIntent intent = new IncomingIntent(AndroidIntents.SEND, "text/plain; charset=utf-8", null,
                Map.of(AndroidIntents.EXTRA_TEXT, "https://youtu.be/x"));
        assertThat(reader.read(intent)).isEqualTo(new QueueLink("https://youtu.be/x", QueuePosition.END));
    }
}
