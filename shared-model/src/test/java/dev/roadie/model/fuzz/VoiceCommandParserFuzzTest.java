package dev.roadie.model.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.roadie.model.voice.IntentKind;
import dev.roadie.model.voice.VoiceCommandParser;
import dev.roadie.model.voice.VoiceIntent;
import dev.roadie.model.voice.VolumeChange;
import java.nio.charset.StandardCharsets;

/**
 * The voice-command parser reads whatever a voice assistant heard or a user typed into a
 * search box, so its input is anything at all.
 *
 * <p>Invariant: {@link VoiceCommandParser#parse} never throws and never returns null (its
 * contract: text no rule recognises is a search); a PLAY has a query, a volume is within
 * {@link VolumeChange}'s range, and the query is stripped text. (A per-input time limit to catch
 * a pattern that backtracks badly is not set: JUnit's {@code @Timeout}, which Jazzer would pass on
 * to libFuzzer, also cuts the whole fuzzing run.)
 *
 * <p>Corpus: {@code VoiceCommandParserFuzzTestInputs/}, one utterance per file.
 */
class VoiceCommandParserFuzzTest {
    private static final VoiceCommandParser PARSER = VoiceCommandParser.english();

    @FuzzTest(maxDuration = "15s")
    void any_text_parses_to_an_intent_that_fits_its_kind(byte[] input) {
        String said = new String(input, StandardCharsets.UTF_8);

        VoiceIntent intent = PARSER.parse(said);

        assertThat(intent).as("the intent for %s", said).isNotNull();
        assertThat(intent.query()).isEqualTo(intent.query().strip());
        if (intent.kind() == IntentKind.PLAY) {
            assertThat(intent.query()).isNotBlank();
            assertThat(intent.position()).isNotNull();
        }
        if (intent.kind() == IntentKind.VOLUME) {
            assertThat(intent.volume().value()).isBetween(-VolumeChange.MAX_LEVEL, VolumeChange.MAX_LEVEL);
        }
    }
}
