package dev.roadie.mobile.intents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.mobile.intents.PhoneCommand.Action;
import dev.roadie.mobile.intents.PhoneCommand.Control;
import dev.roadie.mobile.intents.PhoneCommand.Pair;
import dev.roadie.mobile.intents.PhoneCommand.Play;
import dev.roadie.mobile.intents.PhoneCommand.QueueLink;
import dev.roadie.mobile.intents.PhoneCommand.Unusable;
import dev.roadie.model.music.QueuePosition;
import dev.roadie.model.voice.VolumeChange;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** roadie://play, queue, say and pair, as VIEW intents (Android) and opened URLs (iOS). */
class DeepLinksTest {
    final IntentReader reader = IntentReader.english();

    PhoneCommand open(String link) {
        return reader.read(IncomingIntent.view(link));
    }

    @Test
    void play_plays_the_words_now_or_next_as_said() {
        assertThat(open("roadie://play?q=Paper%20Boats")).isEqualTo(Play.words("Paper Boats", QueuePosition.NOW));
        assertThat(open("roadie://play?q=Paper+Boats")).isEqualTo(Play.words("Paper Boats", QueuePosition.NOW));
        assertThat(open("roadie://play?q=Windowlicker%20next")).isEqualTo(Play.words("Windowlicker", QueuePosition.NEXT));
        assertThat(open("roadie://play?q=Paper%20Boats%20by%20Harbour%20Lights")).isEqualTo(new Play(
                "Paper Boats by Harbour Lights", MediaFocus.UNSTRUCTURED, "Paper Boats", "Harbour Lights", null, QueuePosition.NOW));
        assertThat(open("ROADIE://PLAY?Q=Paper%20Boats")).isEqualTo(Play.words("Paper Boats", QueuePosition.NOW));
    }

    @Test
    void play_without_words_resumes() {
        assertThat(open("roadie://play")).isEqualTo(new Control(Action.RESUME));
        assertThat(open("roadie://play?q=")).isEqualTo(new Control(Action.RESUME));
        assertThat(open("roadie://play?q=something")).isEqualTo(new Control(Action.RESUME));
    }

    @Test
    void queue_takes_a_link_or_words_and_queues_at_the_end() {
        assertThat(open("roadie://queue?url=https%3A%2F%2Fyoutu.be%2FUBS4Gi1y_nc"))
                .isEqualTo(new QueueLink("https://youtu.be/UBS4Gi1y_nc", QueuePosition.END));
        assertThat(open("roadie://queue?q=Paper%20Boats")).isEqualTo(Play.words("Paper Boats", QueuePosition.END));
        assertThat(open("roadie://queue?q=Paper%20Boats%20next")).isEqualTo(Play.words("Paper Boats", QueuePosition.NEXT));
        assertThat(open("roadie://queue?url=https%3A%2F%2Fyoutu.be%2Fx&q=ignored"))
                .isEqualTo(new QueueLink("https://youtu.be/x", QueuePosition.END));
    }

    @Test
    void queue_refuses_what_it_cannot_queue() {
        assertThat(open("roadie://queue")).isEqualTo(new Unusable("roadie://queue needs url=LINK or q=WORDS"));
        assertThat(open("roadie://queue?url=file%3A%2F%2F%2Fetc%2Fpasswd")).isInstanceOf(Unusable.class);
    }

    @Test
    void say_reads_any_phrase() {
        assertThat(open("roadie://say?q=skip")).isEqualTo(new Control(Action.SKIP));
        assertThat(open("roadie://say?q=louder")).isEqualTo(new PhoneCommand.Volume(VolumeChange.relative(10)));
        assertThat(open("roadie://say?q=volume%20to%2030")).isEqualTo(new PhoneCommand.Volume(VolumeChange.absolute(30)));
        assertThat(open("roadie://say?q=pause")).isEqualTo(new Control(Action.PAUSE));
        assertThat(open("roadie://say?q=clear%20the%20queue")).isEqualTo(new Control(Action.CLEAR_QUEUE));
        assertThat(open("roadie://say?q=what%27s%20playing")).isEqualTo(new Control(Action.NOW_PLAYING));
        assertThat(open("roadie://say?q=play%20Windowlicker%20next")).isEqualTo(Play.words("Windowlicker", QueuePosition.NEXT));
        assertThat(open("roadie://say?q=Windowlicker")).isEqualTo(new PhoneCommand.Search("Windowlicker"));
        assertThat(open("roadie://say")).isInstanceOf(Unusable.class);
    }

    @Test
    void pair_takes_the_invites_link_as_the_hub_writes_it() {
        assertThat(open("roadie://pair?hub=http%3A%2F%2Flocalhost%3A7070&code=QWRT-ZXCV"))
                .isEqualTo(new Pair("http://localhost:7070", "QWRT-ZXCV"));
        assertThat(open("roadie://pair?code=QWRT-ZXCV")).isInstanceOf(Unusable.class);
        assertThat(open("roadie://pair?hub=http%3A%2F%2Flocalhost%3A7070")).isInstanceOf(Unusable.class);
    }

    @Test
    void an_opaque_roadie_link_reads_the_same() {
        assertThat(open("roadie:play?q=Paper%20Boats")).isEqualTo(Play.words("Paper Boats", QueuePosition.NOW));
    }

    @Test
    void other_links_are_refused_with_words_and_hand_typed_ones_are_forgiven() {
        assertThat(open("https://example.org/")).isInstanceOf(Unusable.class);
        assertThat(open("roadie://dance?q=x")).isEqualTo(new Unusable(
                "Roadie does not know the link roadie://dance: it opens roadie://play, roadie://queue, roadie://say and roadie://pair"));
        assertThat(open("roadie://play?q=Paper Boats")).isEqualTo(Play.words("Paper Boats", QueuePosition.NOW));
        assertThat(open("roadie://play/?q=Paper%20Boats#top")).isEqualTo(Play.words("Paper Boats", QueuePosition.NOW));
        assertThat(open("roadie://play?q=100%")).isEqualTo(Play.words("100%", QueuePosition.NOW));
        assertThat(reader.read(new IncomingIntent(AndroidIntents.VIEW, null, null, Map.of()))).isInstanceOf(Unusable.class);
    }

    @Test
    void an_unknown_action_is_refused_with_words() {
        assertThat(reader.read(new IncomingIntent("android.intent.action.DIAL", null, null, Map.of())))
                .isEqualTo(new Unusable("Roadie does not handle android.intent.action.DIAL"));
        assertThat(reader.read(new IncomingIntent(null, null, null, null))).isInstanceOf(Unusable.class);
    }

    @Test
    void phrases_typed_in_the_app_go_through_the_same_parser() {
        assertThat(reader.said("Hey Google, skip this song")).isEqualTo(new Control(Action.SKIP));
        assertThat(reader.said("turn it down")).isEqualTo(new PhoneCommand.Volume(VolumeChange.relative(-10)));
        assertThat(reader.said("stop")).isEqualTo(new Control(Action.STOP));
        assertThat(reader.said("resume")).isEqualTo(new Control(Action.RESUME));
        assertThat(reader.said("queue Paper Boats")).isEqualTo(Play.words("Paper Boats", QueuePosition.END));
        assertThat(reader.said("")).isInstanceOf(Unusable.class);
    }
}
