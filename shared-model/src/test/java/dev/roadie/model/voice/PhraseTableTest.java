package dev.roadie.model.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.model.music.QueuePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A broken table fails when it is built, not when someone speaks to it. */
class PhraseTableTest {

    private static final NumberWords NO_NUMBERS = new NumberWords(Map.of(), Map.of(), Set.of());

    @Test
    void rules_must_fit_their_kind() {
        assertThatThrownBy(() -> PhraseRule.play(QueuePosition.NOW, "play .+"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query");
        assertThatThrownBy(() -> PhraseRule.search("find it"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query");
        assertThatThrownBy(() -> PhraseRule.command(IntentKind.SKIP, "skip (?<query>.+)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query");
        assertThatThrownBy(() -> PhraseRule.command(IntentKind.PLAY, "play"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position");
        assertThatThrownBy(() -> PhraseRule.command(IntentKind.VOLUME, "louder"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("volume form");
        assertThatThrownBy(() -> PhraseRule.volume(PhraseRule.VolumeForm.SET, "volume"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount");
        assertThatThrownBy(() -> PhraseRule.volume(PhraseRule.VolumeForm.MUTE, "mute (?<amount>.+)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount");
        assertThatThrownBy(() -> new PhraseRule(IntentKind.STOP, Pattern.compile("stop (?<amount>.+)"), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount");
    }

    @Test
    void phrases_must_have_words() {
        assertThatThrownBy(() -> table(List.of("hey", " ,. "), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("phrase without words");
        assertThatThrownBy(() -> new PhraseTable(" ", List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), NO_NUMBERS, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("language");
    }

    @Test
    void the_table_keeps_its_own_copies() {
        List<PhraseRule> rules = new ArrayList<>(List.of(PhraseRule.command(IntentKind.STOP, "halt")));
        PhraseTable table = table(List.of("computer"), rules);

        rules.clear();

        assertThat(table.rules()).hasSize(1);
        assertThat(new VoiceCommandParser(table).parse("Computer, halt!")).isEqualTo(VoiceIntent.command(IntentKind.STOP));
    }

    @Test
    void a_table_without_rules_searches_everything() {
        VoiceCommandParser parser = new VoiceCommandParser(table(List.of("computer"), List.of()));

        assertThat(parser.parse("computer, skip")).isEqualTo(VoiceIntent.search("skip"));
    }

    private static PhraseTable table(List<String> wakePhrases, List<PhraseRule> rules) {
        return new PhraseTable("xx", wakePhrases, List.of(), List.of(), List.of(), List.of(), List.of(),
                NO_NUMBERS, rules);
    }
}
