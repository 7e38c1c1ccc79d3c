package dev.roadie.audio.track;

import com.sedmelluq.discord.lavaplayer.player.AudioPlayerManager;
import com.sedmelluq.discord.lavaplayer.tools.io.MessageInput;
import com.sedmelluq.discord.lavaplayer.tools.io.MessageOutput;
import com.sedmelluq.discord.lavaplayer.track.AudioTrack;
import com.sedmelluq.discord.lavaplayer.track.DecodedTrackHolder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * Tracks in Lavalink's encoding: lavaplayer's message format (a header of size and flags, the
 * versioned track info, the source's own fields, the position), in standard Base64. Lavalink
 * encodes with the same lavaplayer call, so strings from a real Lavalink decode here whenever the
 * source that made them is registered here too.
 */
public final class TrackCodec {
    private final AudioPlayerManager manager;

    public TrackCodec(AudioPlayerManager manager) {
        this.manager = manager;
    }

    public String encode(AudioTrack track) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            manager.encodeTrack(new MessageOutput(bytes), track);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode the track " + track.getIdentifier(), e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /**
     * @throws IllegalArgumentException when the string is not Base64, is cut short, or names a
     *                                  source this node does not have
     */
    public AudioTrack decode(String encoded) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The encoded track is not Base64: " + e.getMessage(), e);
        }
        DecodedTrackHolder holder;
        try {
            holder = manager.decodeTrack(new MessageInput(new ByteArrayInputStream(bytes)));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("The encoded track could not be read: " + e.getMessage(), e);
        }
        if (holder == null || holder.decodedTrack == null) {
            throw new IllegalArgumentException(
                    "The encoded track is empty or comes from a source this node does not have");
        }
        return holder.decodedTrack;
    }
}
