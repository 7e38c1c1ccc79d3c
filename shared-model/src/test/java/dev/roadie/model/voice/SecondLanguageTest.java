package dev.roadie.model.voice;

import static dev.roadie.model.music.QueuePosition.END;
import static dev.roadie.model.music.QueuePosition.NEXT;
import static dev.roadie.model.music.QueuePosition.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A small Dutch table, run by the unchanged parser: a language is data. */
class SecondLanguageTest {

    static final PhraseTable DUTCH = new PhraseTable(
            "nl",
            List.of("hé google", "hey google", "oké google", "roadie"),
            List.of("op roadie", "met roadie"),
            List.of("alsjeblieft", "kun je", "wil je"),
            List.of("alsjeblieft", "graag", "dank je"),
            List.of("van"),
            List.of("iets", "een liedje", "muziek"),
            new NumberWords(Map.of("tien", 10, "twintig", 20, "dertig", 30, "vijf", 5, "vijfentwintig", 25),
                    Map.of("honderd", 100), Set.of("en")),
            List.of(
                    PhraseRule.command(IntentKind.SKIP, "volgende(?: nummer| liedje)?|sla (?:dit|het) (?:nummer |liedje )?over"),
                    PhraseRule.command(IntentKind.PAUSE, "pauze|pauzeer(?: de muziek)?|(?:de muziek )?pauzeren"),
                    PhraseRule.command(IntentKind.RESUME, "hervat|ga (?:door|verder)"),
                    PhraseRule.command(IntentKind.STOP, "stop(?: de muziek)?"),
                    PhraseRule.command(IntentKind.NOW_PLAYING, "wat speelt er|wat is dit voor (?:nummer|liedje)"),
                    PhraseRule.command(IntentKind.CLEAR_QUEUE, "(?:wis|leeg) de wachtrij"),
                    PhraseRule.volume(PhraseRule.VolumeForm.SET, "(?:zet )?(?:het )?volume (?:op )?(?<amount>.+?)(?: procent)?"),
                    PhraseRule.volume(PhraseRule.VolumeForm.UP, "harder"),
                    PhraseRule.volume(PhraseRule.VolumeForm.DOWN, "zachter"),
                    PhraseRule.play(NEXT, "speel (?<query>.+?) hierna"),
                    PhraseRule.play(END, "zet (?<query>.+) in de wachtrij"),
                    PhraseRule.play(NOW, "speel (?<query>.+?)(?: af)?")));

    private final VoiceCommandParser parser = new VoiceCommandParser(DUTCH);

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @MethodSource("dutch")
    void understands_dutch(String said, VoiceIntent expected) {
        assertThat(parser.parse(said)).isEqualTo(expected);
    }

    static Stream<Arguments> dutch() {
        return Stream.of(
                arguments("Hé Google, speel Bohemian Rhapsody van Queen af op Roadie",
                        VoiceIntent.play("Bohemian Rhapsody van Queen", "Bohemian Rhapsody", "Queen", NOW)),
                arguments("speel iets van Daft Punk", VoiceIntent.play("Daft Punk", null, "Daft Punk", NOW)),
                arguments("speel get lucky hierna", VoiceIntent.play("get lucky", null, null, NEXT)),
                arguments("zet Get Lucky in de wachtrij, alsjeblieft", VoiceIntent.play("Get Lucky", null, null, END)),
                arguments("Volgende nummer!", VoiceIntent.command(IntentKind.SKIP)),
                arguments("kun je de muziek pauzeren", VoiceIntent.command(IntentKind.PAUSE)),
                arguments("pauzeer de muziek", VoiceIntent.command(IntentKind.PAUSE)),
                arguments("ga verder", VoiceIntent.command(IntentKind.RESUME)),
                arguments("stop", VoiceIntent.command(IntentKind.STOP)),
                arguments("Wat speelt er?", VoiceIntent.command(IntentKind.NOW_PLAYING)),
                arguments("wis de wachtrij", VoiceIntent.command(IntentKind.CLEAR_QUEUE)),
                arguments("zet het volume op dertig procent", VoiceIntent.volume(VolumeChange.absolute(30))),
                arguments("volume vijfentwintig", VoiceIntent.volume(VolumeChange.absolute(25))),
                arguments("volume honderd en vijf", VoiceIntent.volume(VolumeChange.absolute(105))),
                arguments("harder", VoiceIntent.volume(VolumeChange.relative(VolumeChange.STEP))),
                arguments("zachter graag", VoiceIntent.volume(VolumeChange.relative(-VolumeChange.STEP))),
                arguments("hé google", VoiceIntent.search("")));
    }

    @Test
    void each_parser_knows_only_its_own_language() {
        VoiceCommandParser english = VoiceCommandParser.english();

        assertThat(english.parse("volgende")).isEqualTo(VoiceIntent.search("volgende"));
        assertThat(parser.parse("skip")).isEqualTo(VoiceIntent.search("skip"));
        assertThat(english.parse("play get lucky by daft punk"))
                .isEqualTo(VoiceIntent.play("get lucky by daft punk", "get lucky", "daft punk", NOW));
        // "by" is not a separator in Dutch, and "play" is no command: a plain search.
        assertThat(parser.parse("play get lucky by daft punk"))
                .isEqualTo(VoiceIntent.search("play get lucky by daft punk"));
    }
}
