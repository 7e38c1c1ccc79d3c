package dev.roadie.model.voice;

import static dev.roadie.model.music.QueuePosition.END;
import static dev.roadie.model.music.QueuePosition.NEXT;
import static dev.roadie.model.music.QueuePosition.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.roadie.model.music.QueuePosition;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * English phrasings, each compared with the whole expected intent, so a wrong kind, query,
 * title, artist, position or volume all fail the case.
 */
class VoiceCommandParserTest {

    private final VoiceCommandParser parser = VoiceCommandParser.english();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @MethodSource({"commands", "plays", "volumes", "searches", "noise"})
    void understands(String said, VoiceIntent expected) {
        assertThat(parser.parse(said)).isEqualTo(expected);
    }

    static Stream<Arguments> commands() {
        return Stream.of(
                command("skip", IntentKind.SKIP),
                command("Skip this song", IntentKind.SKIP),
                command("skip it", IntentKind.SKIP),
                command("next", IntentKind.SKIP),
                command("next song", IntentKind.SKIP),
                command("Next track, please", IntentKind.SKIP),
                command("play the next song", IntentKind.SKIP),
                command("play next", IntentKind.SKIP),
                command("skip to the next one", IntentKind.SKIP),
                command("go to the next track", IntentKind.SKIP),
                command("play something else", IntentKind.SKIP),
                command("change the song", IntentKind.SKIP),
                command("pause", IntentKind.PAUSE),
                command("Pause the music.", IntentKind.PAUSE),
                command("pause it for a second", IntentKind.PAUSE),
                command("put the music on hold", IntentKind.PAUSE),
                command("resume", IntentKind.RESUME),
                command("continue", IntentKind.RESUME),
                command("Resume playback", IntentKind.RESUME),
                command("unpause", IntentKind.RESUME),
                command("keep playing", IntentKind.RESUME),
                command("continue playing", IntentKind.RESUME),
                command("play", IntentKind.RESUME),
                command("stop", IntentKind.STOP),
                command("Stop the music!", IntentKind.STOP),
                command("stop playing", IntentKind.STOP),
                command("stop everything now", IntentKind.STOP),
                command("turn it off", IntentKind.STOP),
                command("what's playing", IntentKind.NOW_PLAYING),
                command("Whats playing?", IntentKind.NOW_PLAYING),
                command("what is playing right now", IntentKind.NOW_PLAYING),
                command("what song is this", IntentKind.NOW_PLAYING),
                command("What's this song called?", IntentKind.NOW_PLAYING),
                command("what is the name of this song", IntentKind.NOW_PLAYING),
                command("who's singing", IntentKind.NOW_PLAYING),
                command("who sings this song", IntentKind.NOW_PLAYING),
                command("now playing", IntentKind.NOW_PLAYING),
                command("what are we listening to", IntentKind.NOW_PLAYING),
                command("what's this", IntentKind.NOW_PLAYING),
                command("clear the queue", IntentKind.CLEAR_QUEUE),
                command("Clear queue", IntentKind.CLEAR_QUEUE),
                command("empty my playlist", IntentKind.CLEAR_QUEUE),
                command("remove all songs from the queue", IntentKind.CLEAR_QUEUE),
                command("wipe out the list", IntentKind.CLEAR_QUEUE));
    }

    static Stream<Arguments> plays() {
        return Stream.of(
                play("play bohemian rhapsody by queen", "bohemian rhapsody by queen", "bohemian rhapsody", "queen", NOW),
                play("play bohemian rhapsody", "bohemian rhapsody", null, null, NOW),
                play("play bohemian rhapsody now", "bohemian rhapsody", null, null, NOW),
                play("play bohemian rhapsody right now", "bohemian rhapsody", null, null, NOW),
                play("play bohemian rhapsody next", "bohemian rhapsody", null, null, NEXT),
                play("play one more time by daft punk next", "one more time by daft punk", "one more time", "daft punk", NEXT),
                play("play get lucky after this song", "get lucky", null, null, NEXT),
                play("play get lucky up next", "get lucky", null, null, NEXT),
                play("queue something by daft punk", "daft punk", null, "daft punk", END),
                play("play something by Daft Punk", "Daft Punk", null, "Daft Punk", NOW),
                play("play songs by queen", "queen", null, "queen", NOW),
                play("add bohemian rhapsody to the queue", "bohemian rhapsody", null, null, END),
                play("add Around the World by Daft Punk to the end of the queue",
                        "Around the World by Daft Punk", "Around the World", "Daft Punk", END),
                play("put harder better faster stronger in the queue", "harder better faster stronger", null, null, END),
                play("queue up get lucky", "get lucky", null, null, END),
                play("add get lucky", "get lucky", null, null, END),
                play("queue get lucky next", "get lucky", null, null, NEXT),
                play("play next Windowlicker", "Windowlicker", null, null, NEXT),
                play("queue up next harder better faster stronger", "harder better faster stronger", null, null, NEXT),
                play("play next to me next", "next to me", null, null, NEXT),
                play("add get lucky to the top of the queue", "get lucky", null, null, NEXT),
                play("play get lucky at the end of the queue", "get lucky", null, null, END),
                play("put on some jazz", "some jazz", null, null, NOW),
                play("start playing Thunderstruck by AC/DC", "Thunderstruck by AC/DC", "Thunderstruck", "AC/DC", NOW),
                // The last "by" separates, so a title may contain one.
                play("play stand by me by ben e king", "stand by me by ben e king", "stand by me", "ben e king", NOW),
                // Without an artist the split guesses wrong; the query keeps the title intact.
                play("play stand by me", "stand by me", "stand", "me", NOW),
                play("play drive by", "drive by", null, null, NOW),
                // Command words inside a PLAY are titles, not commands.
                play("play stop by the spice girls", "stop by the spice girls", "stop", "the spice girls", NOW),
                play("play pause", "pause", null, null, NOW),
                play("play skip to my lou", "skip to my lou", null, null, NOW),
                play("play next to me by imagine dragons", "next to me by imagine dragons", "next to me", "imagine dragons", NOW),
                // Titles ending in "now" / "next" keep that word.
                play("play all right now", "all right now", null, null, NOW),
                play("play don't stop me now", "don't stop me now", null, null, NOW),
                play("play need you now next", "need you now", null, null, NEXT),
                play("play you're next", "you're next", null, null, NOW),
                play("play what's playing by someone", "what's playing by someone", "what's playing", "someone", NOW));
    }

    static Stream<Arguments> volumes() {
        return Stream.of(
                volume("volume up", VolumeChange.relative(VolumeChange.STEP)),
                volume("volume down", VolumeChange.relative(-VolumeChange.STEP)),
                volume("volume to 30", VolumeChange.absolute(30)),
                volume("set the volume to 30 percent", VolumeChange.absolute(30)),
                volume("volume 30%", VolumeChange.absolute(30)),
                volume("volume thirty", VolumeChange.absolute(30)),
                volume("set volume to fifty", VolumeChange.absolute(50)),
                volume("volume twenty-five", VolumeChange.absolute(25)),
                volume("change the volume to seventy five per cent", VolumeChange.absolute(75)),
                volume("volume to a hundred and fifty", VolumeChange.absolute(150)),
                volume("volume 500", VolumeChange.absolute(VolumeChange.MAX_LEVEL)),
                volume("volume zero", VolumeChange.absolute(0)),
                volume("turn it up", VolumeChange.relative(10)),
                volume("turn it down a bit", VolumeChange.relative(-10)),
                volume("turn up the volume", VolumeChange.relative(10)),
                volume("turn the volume down by 20", VolumeChange.relative(-20)),
                volume("volume up by twenty percent", VolumeChange.relative(20)),
                volume("volume down 5", VolumeChange.relative(-5)),
                volume("increase the volume by fifteen", VolumeChange.relative(15)),
                volume("turn it up to eighty", VolumeChange.absolute(80)),
                volume("turn the volume down to 20", VolumeChange.absolute(20)),
                volume("louder", VolumeChange.relative(10)),
                volume("make it louder", VolumeChange.relative(10)),
                volume("a little quieter", VolumeChange.relative(-10)),
                volume("softer", VolumeChange.relative(-10)),
                volume("lower the volume", VolumeChange.relative(-10)),
                volume("mute", VolumeChange.absolute(0)));
    }

    static Stream<Arguments> searches() {
        return Stream.of(
                search("search for bohemian rhapsody", "bohemian rhapsody", null, null),
                search("look up daft punk", "daft punk", null, null),
                search("search for get lucky by daft punk", "get lucky by daft punk", "get lucky", "daft punk"),
                search("bohemian rhapsody by queen", "bohemian rhapsody by queen", "bohemian rhapsody", "queen"),
                search("despacito", "despacito", null, null),
                // Titles that start with a command word: no whole-text rule matches them.
                search("stop crying your heart out", "stop crying your heart out", null, null),
                search("Stop Crying Your Heart Out by Oasis", "Stop Crying Your Heart Out by Oasis",
                        "Stop Crying Your Heart Out", "Oasis"),
                search("stop the rock", "stop the rock", null, null),
                search("skip to my lou", "skip to my lou", null, null),
                search("don't stop me now", "don't stop me now", null, null),
                search("turn down for what", "turn down for what", null, null),
                search("pump up the volume", "pump up the volume", null, null),
                search("next to me", "next to me", null, null),
                search("louder than bombs", "louder than bombs", null, null),
                search("what is love", "what is love", null, null),
                search("queue", "queue", null, null),
                // Not a number, so not a volume command.
                search("volume to the max", "volume to the max", null, null),
                // Politeness that is part of a title stays when no command is behind it.
                search("can you feel the love tonight", "can you feel the love tonight", null, null),
                search("please please me", "please please me", null, null),
                search("just dance", "just dance", null, null),
                search("I want to break free", "I want to break free", null, null));
    }

    static Stream<Arguments> noise() {
        return Stream.of(
                play("Hey Google, play Bohemian Rhapsody by Queen on Roadie.",
                        "Bohemian Rhapsody by Queen", "Bohemian Rhapsody", "Queen", NOW),
                play("  PLAY   bohemian   RHAPSODY!!  ", "bohemian RHAPSODY", null, null, NOW),
                play("Can you play Get Lucky by Daft Punk, please?", "Get Lucky by Daft Punk", "Get Lucky", "Daft Punk", NOW),
                play("Please add Around the World to the queue, thanks!", "Around the World", null, null, END),
                play("Alexa… play ‘Bohemian Rhapsody’", "Bohemian Rhapsody", null, null, NOW),
                play("hey google please ask roadie to play get lucky next with roadie", "get lucky", null, null, NEXT),
                command("OK Google, skip on Roadie", IntentKind.SKIP),
                command("Alexa, ask Roadie to pause", IntentKind.PAUSE),
                command("okay google tell roadie to stop", IntentKind.STOP),
                command("Roadie, what’s playing?", IntentKind.NOW_PLAYING),
                command("could you clear the queue please", IntentKind.CLEAR_QUEUE),
                volume("hey siri, could you please turn it up", VolumeChange.relative(10)),
                volume("hey google, volume to thirty with roadie", VolumeChange.absolute(30)),
                volume("VOLUME\u00a0TO\u00a040", VolumeChange.absolute(40)),
                search("Hey Google, stop crying your heart out on Roadie", "stop crying your heart out", null, null),
                search("hey google, can you feel the love tonight", "can you feel the love tonight", null, null));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n", "?!", "...", "Hey Google", "alexa.", "hey google, talk to roadie", "on roadie"})
    void nothing_heard_is_an_empty_search(String said) {
        VoiceIntent intent = parser.parse(said);

        assertThat(intent).isEqualTo(VoiceIntent.search(""));
        assertThat(intent.isEmpty()).isTrue();
    }

    @Test
    void politeness_alone_is_searched_rather_than_dropped() {
        // Removing "please" leaves nothing to match, so the text itself is the search.
        assertThat(parser.parse("please")).isEqualTo(VoiceIntent.search("please"));
        assertThat(parser.parse("thank you")).isEqualTo(VoiceIntent.search("thank you"));
    }

    @Test
    void very_long_text_is_still_a_search() {
        String rambling = "la ".repeat(5_000).strip();

        assertThat(parser.parse(rambling)).isEqualTo(VoiceIntent.search(rambling));
        assertThat(parser.parse("play " + rambling)).isEqualTo(VoiceIntent.play(rambling, null, null, NOW));
    }

    @Test
    void the_english_parser_is_shared_and_reads_the_english_table() {
        assertThat(VoiceCommandParser.english()).isSameAs(parser);
        assertThat(parser.table()).isSameAs(PhraseTable.english());
        assertThat(parser.table().language()).isEqualTo("en");
    }

    @Test
    void the_cases_cover_every_intent_kind_and_at_least_sixty_phrasings() {
        List<Arguments> all = Stream.of(commands(), plays(), volumes(), searches(), noise())
                .flatMap(s -> s).toList();
        Set<String> phrasings = all.stream().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        Set<IntentKind> kinds = all.stream().map(a -> ((VoiceIntent) a.get()[1]).kind())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(IntentKind.class)));

        assertThat(phrasings).hasSize(all.size()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(kinds).containsExactlyInAnyOrder(IntentKind.values());
    }

    private static Arguments command(String said, IntentKind kind) {
        return arguments(said, VoiceIntent.command(kind));
    }

    private static Arguments play(String said, String query, String title, String artist, QueuePosition position) {
        return arguments(said, VoiceIntent.play(query, title, artist, position));
    }

    private static Arguments volume(String said, VolumeChange change) {
        return arguments(said, VoiceIntent.volume(change));
    }

    private static Arguments search(String said, String query, String title, String artist) {
        return arguments(said, VoiceIntent.search(query, title, artist));
    }
}
