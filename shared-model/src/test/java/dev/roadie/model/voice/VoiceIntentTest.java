package dev.roadie.model.voice;

import static dev.roadie.model.music.QueuePosition.NEXT;
import static dev.roadie.model.music.QueuePosition.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class VoiceIntentTest {

    // Strict about unknown properties, so a stray derived field on the wire fails the test.
    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void fields_must_fit_the_kind() {
        assertThatThrownBy(() -> new VoiceIntent(null, "", null, null, null, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> VoiceIntent.play("x", null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position");
        assertThatThrownBy(() -> VoiceIntent.play("  ", null, null, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query");
        assertThatThrownBy(() -> VoiceIntent.command(IntentKind.PLAY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VoiceIntent.command(IntentKind.VOLUME))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("volume");
        assertThatThrownBy(() -> new VoiceIntent(IntentKind.SKIP, "x", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query");
        assertThatThrownBy(() -> new VoiceIntent(IntentKind.STOP, "", null, "queen", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("artist");
        assertThatThrownBy(() -> new VoiceIntent(IntentKind.SEARCH, "x", null, null, NOW, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position");
        assertThatThrownBy(() -> new VoiceIntent(IntentKind.SEARCH, "x", null, null, null, VolumeChange.absolute(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("volume");
    }

    @Test
    void absent_text_is_normalised() {
        VoiceIntent intent = new VoiceIntent(IntentKind.SEARCH, null, " ", "", null, null);

        assertThat(intent.query()).isEmpty();
        assertThat(intent.title()).isNull();
        assertThat(intent.artist()).isNull();
        assertThat(VoiceIntent.search("  get lucky ").query()).isEqualTo("get lucky");
    }

    @Test
    void only_the_empty_search_is_empty() {
        assertThat(VoiceIntent.search("").isEmpty()).isTrue();
        assertThat(VoiceIntent.search("x").isEmpty()).isFalse();
        assertThat(VoiceIntent.command(IntentKind.SKIP).isEmpty()).isFalse();
        assertThat(VoiceIntent.volume(VolumeChange.absolute(0)).isEmpty()).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"play get lucky by daft punk next", "queue something by daft punk", "volume to thirty",
            "turn it down", "skip", "what's playing", "stop crying your heart out", "", "search for AC/DC"})
    void parsed_intents_survive_json(String said) {
        VoiceIntent intent = VoiceCommandParser.english().parse(said);

        String text = json.writeValueAsString(intent);

        assertThat(json.readValue(text, VoiceIntent.class)).isEqualTo(intent);
    }

    @Test
    void json_carries_the_record_components_only() {
        VoiceIntent intent = VoiceIntent.play("get lucky by daft punk", "get lucky", "daft punk", NEXT);

        assertThat(json.writeValueAsString(intent)).isEqualTo(
                "{\"kind\":\"PLAY\",\"query\":\"get lucky by daft punk\",\"title\":\"get lucky\","
                        + "\"artist\":\"daft punk\",\"position\":\"next\",\"volume\":null}");
        assertThat(json.writeValueAsString(VoiceIntent.volume(VolumeChange.relative(-10)))).contains(
                "\"volume\":{\"mode\":\"RELATIVE\",\"value\":-10}");
    }
}
