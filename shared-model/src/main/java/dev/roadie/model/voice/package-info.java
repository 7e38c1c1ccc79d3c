/**
 * The voice-command parser: text from a voice assistant or a search box becomes a
 * {@link dev.roadie.model.voice.VoiceIntent} for the music bot.
 *
 * <p>The parser ({@link dev.roadie.model.voice.VoiceCommandParser}) knows no language. All
 * phrasing — wake words, politeness, command patterns, number words — lives in a
 * {@link dev.roadie.model.voice.PhraseTable}; English ships as
 * {@link dev.roadie.model.voice.PhraseTable#english()}. Another language is another table.
 */
package dev.roadie.model.voice;
