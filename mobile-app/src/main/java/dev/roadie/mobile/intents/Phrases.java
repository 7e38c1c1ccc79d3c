package dev.roadie.mobile.intents;

import dev.roadie.model.music.QueuePosition;
import dev.roadie.model.voice.VoiceCommandParser;
import dev.roadie.model.voice.VoiceIntent;

/**
 * Free phrases through the shared {@link VoiceCommandParser}: "skip", "louder", "play next
 * Windowlicker", "queue Paper Boats by Harbour Lights".
 */
final class Phrases {
    private final VoiceCommandParser parser;

    Phrases(VoiceCommandParser parser) {
        this.parser = parser;
    }

    /** A phrase as said; what the parser does not recognise is a search. */
    PhoneCommand said(String phrase) {
        return command(parser.parse(phrase), false);
    }

    /**
     * Words that already mean "play" (an assistant's query, {@code roadie://play?q=}): they are
     * read as "play WORDS", so that "Windowlicker next" plays next and "something by Daft Punk"
     * plays Daft Punk, and a bare "something" or "music" resumes.
     */
    PhoneCommand play(String words) {
        return prefixed("play", words);
    }

    /** Words to queue ({@code roadie://queue?q=}): "queue WORDS", at the end unless they say next. */
    PhoneCommand queue(String words) {
        return prefixed("queue", words);
    }

    private PhoneCommand prefixed(String verb, String words) {
        String text = words == null ? "" : words.strip();
        if (text.isEmpty() || parser.table().anyTitle().stream().anyMatch(text::equalsIgnoreCase)) {
            return new PhoneCommand.Control(PhoneCommand.Action.RESUME);
        }
        return command(parser.parse(verb + " " + text), true);
    }

    private static PhoneCommand command(VoiceIntent intent, boolean toPlay) {
        return switch (intent.kind()) {
            case PLAY -> new PhoneCommand.Play(intent.query(), MediaFocus.UNSTRUCTURED, intent.title(), intent.artist(),
                    null, intent.position());
            case SEARCH -> {
                if (intent.isEmpty()) {
                    yield new PhoneCommand.Unusable("Nothing was heard: say what to play, such as “play Paper Boats”");
                }
                yield toPlay ? new PhoneCommand.Play(intent.query(), MediaFocus.UNSTRUCTURED, intent.title(),
                        intent.artist(), null, QueuePosition.NOW) : new PhoneCommand.Search(intent.query());
            }
            case VOLUME -> new PhoneCommand.Volume(intent.volume());
            case SKIP -> new PhoneCommand.Control(PhoneCommand.Action.SKIP);
            case PAUSE -> new PhoneCommand.Control(PhoneCommand.Action.PAUSE);
            case RESUME -> new PhoneCommand.Control(PhoneCommand.Action.RESUME);
            case STOP -> new PhoneCommand.Control(PhoneCommand.Action.STOP);
            case CLEAR_QUEUE -> new PhoneCommand.Control(PhoneCommand.Action.CLEAR_QUEUE);
            case NOW_PLAYING -> new PhoneCommand.Control(PhoneCommand.Action.NOW_PLAYING);
        };
    }
}
