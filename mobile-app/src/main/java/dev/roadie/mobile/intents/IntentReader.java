package dev.roadie.mobile.intents;

import dev.roadie.model.voice.VoiceCommandParser;

/**
 * Turns whatever was handed to the app into one {@link PhoneCommand}: Android's voice search
 * ({@code MEDIA_PLAY_FROM_SEARCH}), a share ({@code SEND text/plain}), a {@code roadie://} link
 * ({@code VIEW}, also how iOS opens the app from a Shortcut), or a phrase typed or said in the app.
 * Pure Java: the same on Android, iOS and the desktop. Never throws: what it cannot use is
 * {@link PhoneCommand.Unusable}, with words for the user.
 */
public final class IntentReader {
    private final Phrases phrases;
    private final DeepLinks deepLinks;
    private final MediaSearch mediaSearch;
    private final SharedText sharedText;

    public IntentReader(VoiceCommandParser parser) {
        this.phrases = new Phrases(parser);
        this.deepLinks = new DeepLinks(phrases);
        this.mediaSearch = new MediaSearch(phrases);
        this.sharedText = new SharedText(deepLinks);
    }

    /** With the English phrase table. */
    public static IntentReader english() {
        return new IntentReader(VoiceCommandParser.english());
    }

    public PhoneCommand read(IncomingIntent intent) {
        return switch (intent.action()) {
            case AndroidIntents.MEDIA_PLAY_FROM_SEARCH -> mediaSearch.read(intent);
            case AndroidIntents.SEND -> sharedText.read(intent);
            case AndroidIntents.VIEW -> intent.data() == null
                    ? new PhoneCommand.Unusable("The app was opened without a link")
                    : deepLinks.read(intent.data());
            default -> new PhoneCommand.Unusable("Roadie does not handle " + (intent.action().isEmpty()
                    ? "an intent without an action" : intent.action()));
        };
    }

    /** A phrase typed or said in the app: "skip", "louder", "play next Windowlicker". */
    public PhoneCommand said(String phrase) {
        return phrases.said(phrase);
    }

    /** A {@code roadie://} link. */
    public PhoneCommand link(String uri) {
        return deepLinks.read(uri);
    }
}
