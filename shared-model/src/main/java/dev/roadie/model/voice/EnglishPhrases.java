package dev.roadie.model.voice;

import static dev.roadie.model.music.QueuePosition.END;
import static dev.roadie.model.music.QueuePosition.NEXT;
import static dev.roadie.model.music.QueuePosition.NOW;
import static dev.roadie.model.voice.IntentKind.CLEAR_QUEUE;
import static dev.roadie.model.voice.IntentKind.NOW_PLAYING;
import static dev.roadie.model.voice.IntentKind.PAUSE;
import static dev.roadie.model.voice.IntentKind.RESUME;
import static dev.roadie.model.voice.IntentKind.SKIP;
import static dev.roadie.model.voice.IntentKind.STOP;
import static dev.roadie.model.voice.PhraseRule.VolumeForm.DOWN;
import static dev.roadie.model.voice.PhraseRule.VolumeForm.MUTE;
import static dev.roadie.model.voice.PhraseRule.VolumeForm.SET;
import static dev.roadie.model.voice.PhraseRule.VolumeForm.UP;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The English phrase table. Data only; see {@link PhraseTable} for how it is read.
 *
 * <p>Queue positions: "play X" starts X now (that is what people mean when they say it to a
 * speaker), "play X next" puts it after the current track, "queue X" and "add X" put it at
 * the end. Command patterns are deliberately narrow — "skip", "skip this song", but not
 * "skip (anything)" — because titles start with command words ("Skip to My Lou",
 * "Stop Crying Your Heart Out", "Turn Down for What") and those must stay searches.
 */
final class EnglishPhrases {

    // Reused pattern pieces. All text is lower case with single spaces; see PhraseRule.
    private static final String THIS_SONG = "(?: it| that| this| this one| (?:this|the|the current) (?:song|track))?";
    private static final String MUSIC = "(?: it| that| the music| music| the song| the track| playback| playing)?";
    private static final String QUEUE = "(?:the |my )?(?:queue|list|playlist)";
    private static final String INTO = "(?:to|in|on|onto|into)";
    private static final String AFTER_THIS = "after (?:this|that|the current)(?: one| song| track)?";
    private static final String A_BIT = "(?: a (?:bit|little|notch|touch))?";
    private static final String PERCENT = "(?: percent| per cent)?";
    private static final String BY_AMOUNT = "(?: by (?<amount>.+?)" + PERCENT + ")?";
    private static final String VOLUME = "(?:the )?(?:volume|music|sound)";
    private static final String QUEUE_VERB = "(?:queue(?: up)?|add|put)";
    // Many titles end in "... now" ("All Right Now", "Need You Now", "Don't Stop Me Now",
    // "Here and Now") or "... next" ("You're Next"). A position suffix is only split off when
    // the word before it cannot be the end of such a title; otherwise the catch-all PLAY
    // keeps the whole title, which costs nothing as "play X" is NOW anyway.
    private static final String NOT_A_TITLE_NOW = "(?<!\\b(?:right|all|me|you|us|them|and|here))";
    private static final String NOT_A_TITLE_NEXT = "(?<!\\b(?:you're|youre|who's|whos|what's|whats|is|are))";

    static final PhraseTable TABLE = new PhraseTable(
            "en",
            List.of("hey google", "ok google", "okay google", "hey siri", "siri", "alexa", "hey alexa",
                    "hey roadie", "ok roadie", "okay roadie", "ask roadie to", "tell roadie to",
                    "talk to roadie", "roadie"),
            List.of("on roadie", "with roadie", "in roadie", "using roadie", "via roadie"),
            List.of("please", "can you", "could you", "would you", "will you", "just", "go ahead and",
                    "i want to", "i would like to", "i'd like to", "kindly"),
            List.of("please", "thanks", "thank you"),
            List.of("by"),
            List.of("something", "anything", "a song", "songs", "some songs", "a track", "tracks",
                    "music", "some music"),
            new NumberWords(numberValues(), Map.of("hundred", 100), Set.of("and")),
            List.of(
                    // What's playing — before PLAY, which would take "play what's playing" otherwise.
                    PhraseRule.command(NOW_PLAYING, "(?:what's|whats|what is) (?:playing|on)(?: now| right now)?"),
                    PhraseRule.command(NOW_PLAYING, "(?:what|which) (?:song|track|tune) is (?:this|that|playing|on)(?: now| right now)?"),
                    PhraseRule.command(NOW_PLAYING, "(?:what's|whats|what is) (?:this|that|the current|the)(?: song| track| tune)(?: called)?"),
                    PhraseRule.command(NOW_PLAYING, "(?:what's|whats|what is) (?:this|that)(?: called)?"),
                    PhraseRule.command(NOW_PLAYING, "(?:what's|whats|what is) the name of (?:this|that|the current) (?:song|track)"),
                    PhraseRule.command(NOW_PLAYING, "(?:who's|who is) (?:singing|this)|who sings (?:this|that)(?: song)?"),
                    PhraseRule.command(NOW_PLAYING, "now playing|current (?:song|track)|what are (?:we|you) (?:listening to|playing)"),

                    PhraseRule.command(CLEAR_QUEUE, "(?:clear|empty|wipe|reset)(?: out)? " + QUEUE),
                    PhraseRule.command(CLEAR_QUEUE, "(?:remove|delete) (?:all|everything)(?: songs| tracks)? from " + QUEUE),

                    PhraseRule.command(STOP, "stop" + MUSIC + "(?: everything)?(?: now| right now)?"),
                    PhraseRule.command(STOP, "(?:turn|switch|shut) (?:it |the music )?off"),

                    PhraseRule.command(PAUSE, "pause" + MUSIC + "(?: for a (?:second|moment|minute|bit))?"),
                    PhraseRule.command(PAUSE, "put (?:it|the music|the song) on (?:hold|pause)"),

                    // A bare "play" resumes; "play (something)" is a PLAY further down.
                    PhraseRule.command(RESUME, "(?:resume|unpause|continue)" + MUSIC),
                    PhraseRule.command(RESUME, "play(?: now)?|keep (?:playing|going)|(?:start|continue) playing(?: again)?"),

                    PhraseRule.command(SKIP, "skip" + THIS_SONG),
                    PhraseRule.command(SKIP, "(?:play |skip |go |jump )?(?:to )?(?:the )?next(?: one| song| track| tune)?"),
                    PhraseRule.command(SKIP, "(?:play )?something else|(?:change|switch) (?:the |this )?(?:song|track)"),

                    PhraseRule.volume(MUTE, "mute(?: it| the music| the sound| the volume)?"),
                    // SET rules first: "volume up" is not a number, so it falls through to UP.
                    PhraseRule.volume(SET, "(?:(?:set|change|put|turn|bring) )?(?:the )?volume (?:(?:up |down )?to |at |on )?(?<amount>.+?)" + PERCENT),
                    PhraseRule.volume(SET, "(?:set|put|turn|bring) (?:it|" + VOLUME + ") (?:up |down )?(?:to|at) (?<amount>.+?)" + PERCENT),
                    PhraseRule.volume(UP, "(?:turn|crank|bring) (?:it|that|" + VOLUME + ") up" + A_BIT + BY_AMOUNT),
                    PhraseRule.volume(UP, "(?:turn|crank) up " + VOLUME + A_BIT + BY_AMOUNT),
                    PhraseRule.volume(UP, "volume up" + A_BIT + "(?: (?:by )?(?<amount>.+?)" + PERCENT + ")?"),
                    PhraseRule.volume(UP, "(?:raise|increase|boost) (?:the )?volume" + A_BIT + BY_AMOUNT),
                    PhraseRule.volume(UP, "(?:make it |play it )?(?:a bit |a little |slightly )?louder"),
                    PhraseRule.volume(DOWN, "(?:turn|bring) (?:it|that|" + VOLUME + ") down" + A_BIT + BY_AMOUNT),
                    PhraseRule.volume(DOWN, "turn down " + VOLUME + A_BIT + BY_AMOUNT),
                    PhraseRule.volume(DOWN, "volume down" + A_BIT + "(?: (?:by )?(?<amount>.+?)" + PERCENT + ")?"),
                    PhraseRule.volume(DOWN, "(?:lower|decrease|reduce) (?:the )?volume" + A_BIT + BY_AMOUNT),
                    PhraseRule.volume(DOWN, "(?:make it |play it )?(?:a bit |a little |slightly )?(?:quieter|softer)"),

                    PhraseRule.search("search(?: for)? (?<query>.+)"),
                    PhraseRule.search("look up (?<query>.+)"),

                    // PLAY: the specific positions before the catch-alls. Lazy queries leave the
                    // longest suffix to the position: "get lucky" + "up next", not "get lucky up".
                    // "play next Windowlicker" is how people ask for the next slot; "next to me"
                    // (and "next to you") stays a title.
                    PhraseRule.play(NEXT, "(?:play|queue(?: up)?) next (?!to )(?<query>.+)"),
                    PhraseRule.play(NEXT, "play (?<query>.+?)" + NOT_A_TITLE_NEXT + " (?:next|up next|" + AFTER_THIS + ")"),
                    PhraseRule.play(NEXT, QUEUE_VERB + " (?<query>.+?)" + NOT_A_TITLE_NEXT + " (?:next|as next|to play next|"
                            + AFTER_THIS + "|" + INTO + " (?:the )?(?:top|front) of " + QUEUE + ")"),
                    PhraseRule.play(NOW, "play (?<query>.+?)" + NOT_A_TITLE_NOW + " (?:now|right now|immediately|right away)"),
                    PhraseRule.play(END, "play (?<query>.+) (?:at|to) the end of " + QUEUE),
                    PhraseRule.play(END, QUEUE_VERB + " (?<query>.+) " + INTO + " (?:(?:the )?(?:end|back|bottom) of )?" + QUEUE),
                    PhraseRule.play(END, "(?:queue(?: up)?|add) (?<query>.+)"),
                    PhraseRule.play(NOW, "(?:play|start playing|put on) (?<query>.+)")));

    private EnglishPhrases() {
    }

    private static Map<String, Integer> numberValues() {
        List<String> units = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                "nineteen");
        List<String> tens = List.of("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety");
        Map<String, Integer> values = new HashMap<>();
        for (int i = 0; i < units.size(); i++) {
            values.put(units.get(i), i);
        }
        for (int i = 0; i < tens.size(); i++) {
            values.put(tens.get(i), 20 + 10 * i);
        }
        values.put("a", 1); // "a hundred"
        values.put("fourty", 40); // a common misspelling in typed commands
        return values;
    }
}
