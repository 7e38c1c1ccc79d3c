package dev.roadie.audio.session;

import com.sedmelluq.discord.lavaplayer.player.AudioPlayer;
import com.sedmelluq.discord.lavaplayer.player.event.AudioEventAdapter;
import com.sedmelluq.discord.lavaplayer.tools.FriendlyException;
import com.sedmelluq.discord.lavaplayer.track.AudioTrack;
import com.sedmelluq.discord.lavaplayer.track.AudioTrackEndReason;
import com.sedmelluq.discord.lavaplayer.track.TrackMarker;
import com.sedmelluq.discord.lavaplayer.track.TrackMarkerHandler;
import com.sedmelluq.discord.lavaplayer.track.playback.AudioFrame;
import dev.roadie.audio.filter.FilterChainFactory;
import dev.roadie.audio.filter.Filters;
import dev.roadie.audio.track.TrackJson;
import dev.roadie.audio.track.TrackLoader;
import dev.roadie.audio.voice.VoiceLink;
import dev.roadie.audio.voice.VoiceState;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One guild's player: a lavaplayer player whose events become Lavalink's {@code event} messages.
 * With a voice state, its voice connection pulls each 20 ms frame ({@code dev.roadie.audio.voice});
 * without one, the node's pump pulls and drops them, which is what moves the track on.
 */
public final class Player {
    private static final long FRAME_MS = 20;
    private final String guildId;
    private final AudioPlayer audio;
    private final JsonMapper json;
    private final TrackJson tracks;
    private final Consumer<ObjectNode> events;
    private volatile Filters filters = Filters.NONE;
    private volatile ObjectNode voice;
    /** The voice connection the frames go to; null before a complete voice state. */
    private volatile VoiceLink voiceLink;
    /** Where a seek made while paused went, until the next frame is pulled; -1 for none. */
    private volatile long seekedWhilePaused = -1;
    /** Set when the track's end time was reached: Lavalink reports that end as {@code finished}. */
    private volatile boolean endTimeReached;

    Player(String guildId, AudioPlayer audio, JsonMapper json, TrackJson tracks, TrackLoader errors,
            Consumer<ObjectNode> events) {
        this.guildId = guildId;
        this.audio = audio;
        this.json = json;
        this.tracks = tracks;
        this.events = events;
        this.voice = json.createObjectNode().put("token", "").put("endpoint", "").put("sessionId", "");
        audio.addListener(new AudioEventAdapter() {
            @Override
            public void onTrackStart(AudioPlayer player, AudioTrack track) {
                events.accept(event("TrackStartEvent").set("track", tracks.of(track)));
            }

            @Override
            public void onTrackEnd(AudioPlayer player, AudioTrack track, AudioTrackEndReason reason) {
                String said = endTimeReached ? "finished" : reasonName(reason);
                endTimeReached = false;
                ObjectNode event = event("TrackEndEvent").set("track", tracks.of(track));
                events.accept(event.put("reason", said));
            }

            @Override
            public void onTrackException(AudioPlayer player, AudioTrack track, FriendlyException exception) {
                ObjectNode event = event("TrackExceptionEvent").set("track", tracks.of(track));
                events.accept(event.set("exception", errors.exception(exception)));
            }

            @Override
            public void onTrackStuck(AudioPlayer player, AudioTrack track, long thresholdMs) {
                ObjectNode event = event("TrackStuckEvent").set("track", tracks.of(track));
                events.accept(event.put("thresholdMs", thresholdMs));
            }
        });
    }

    private static String reasonName(AudioTrackEndReason reason) {
        return switch (reason) {
            case FINISHED -> "finished";
            case LOAD_FAILED -> "loadFailed";
            case STOPPED -> "stopped";
            case REPLACED -> "replaced";
            case CLEANUP -> "cleanup";
        };
    }

    private ObjectNode event(String type) {
        ObjectNode event = json.createObjectNode();
        event.put("op", "event");
        event.put("type", type);
        event.put("guildId", guildId);
        return event;
    }

    /**
     * Plays {@code track}; with {@code noReplace}, only when nothing plays.
     *
     * @return whether it started
     */
    boolean play(AudioTrack track, boolean noReplace, Long endTime) {
        seekedWhilePaused = -1;
        if (endTime != null) {
            endAt(track, endTime);
        }
        return audio.startTrack(track, noReplace);
    }

    void endAt(AudioTrack track, long endTime) {
        TrackMarkerHandler reached = state -> {
            if (state == TrackMarkerHandler.MarkerState.REACHED || state == TrackMarkerHandler.MarkerState.LATE) {
                endTimeReached = true;
                audio.stopTrack();
            }
        };
        track.setMarker(new TrackMarker(endTime, reached));
    }

    void stop() {
        audio.stopTrack();
    }

    AudioTrack playing() {
        return audio.getPlayingTrack();
    }

    void seek(long position) {
        AudioTrack track = audio.getPlayingTrack();
        if (track != null) {
            track.setPosition(position);
            if (audio.isPaused() && track.isSeekable()) {
                // lavaplayer reports a seek's position only until its decoder has made it, then the
                // last frame pulled again until the next one is: while paused, the position it was.
                seekedWhilePaused = Math.max(0, position);
            }
        }
    }

    void volume(int volume) {
        audio.setVolume(volume);
    }

    void paused(boolean paused) {
        audio.setPaused(paused);
    }

    /**
     * Applies {@code filters} in place of the ones before. lavaplayer filters while it decodes, ahead
     * of the frames it buffers (5 s by default), so on its own a change would be heard only when that
     * buffer has played out. Seeking to where playback is makes lavaplayer decode again from there
     * through the new filters; its seek ghosting keeps the buffered frames playing until the first
     * new one is ready, so nothing goes silent. Under a timescale that changes the length the
     * position counts output time, not the track's (as on Lavalink), so that seek would jump; then
     * the change waits for the buffer instead.
     */
    void filters(Filters filters) {
        Filters before = this.filters;
        this.filters = filters;
        audio.setFilterFactory(filters.changesSound() ? new FilterChainFactory(filters) : null);
        AudioTrack track = audio.getPlayingTrack();
        if (track != null && track.isSeekable() && !before.changesLength()) {
            // The position is the start of the frame last pulled: that one has been heard.
            track.setPosition(track.getPosition() + FRAME_MS);
        }
    }

    void voice(ObjectNode voice) {
        this.voice = voice;
    }

    /** The voice state the current connection was opened for, or null. */
    VoiceState voiceState() {
        VoiceLink link = voiceLink;
        return link == null ? null : link.state();
    }

    /** Frames go to {@code link} from now on; the connection before is closed. */
    void voiceLink(VoiceLink link) {
        VoiceLink before = voiceLink;
        voiceLink = link;
        if (before != null) {
            before.close();
        }
    }

    /**
     * Whether a voice connection pulls this player's frames (else the node's pump does). As on
     * Lavalink, a track given with a voice state starts when the connection is up, and holds while
     * it reconnects or after it gave up, rather than play to nobody.
     */
    public boolean hasVoice() {
        return voiceLink != null;
    }

    public boolean isPlaying() {
        return audio.getPlayingTrack() != null && !audio.isPaused();
    }

    /** The next 20 ms frame, or null when there is none (paused, nothing playing, not buffered yet). */
    public AudioFrame pullFrame() {
        AudioFrame frame = audio.provide();
        if (frame != null) {
            seekedWhilePaused = -1;
        }
        return frame;
    }

    /** Lavalink's player state: {@code time, position, connected, ping} (the voice gateway's round trip, -1 without one). */
    ObjectNode state() {
        ObjectNode state = json.createObjectNode();
        state.put("time", System.currentTimeMillis());
        AudioTrack track = audio.getPlayingTrack();
        long seeked = seekedWhilePaused;
        state.put("position", track == null ? 0 : seeked >= 0 ? seeked : track.getPosition());
        VoiceLink link = voiceLink;
        state.put("connected", link != null && link.connected());
        state.put("ping", link == null ? -1 : link.ping());
        return state;
    }

    ObjectNode playerUpdate() {
        ObjectNode update = json.createObjectNode();
        update.put("op", "playerUpdate");
        update.put("guildId", guildId);
        update.set("state", state());
        return update;
    }

    /** Lavalink's player object. */
    ObjectNode toJson() {
        ObjectNode node = json.createObjectNode();
        node.put("guildId", guildId);
        AudioTrack track = audio.getPlayingTrack();
        if (track == null) {
            node.putNull("track");
        } else {
            node.set("track", tracks.of(track));
        }
        node.put("volume", audio.getVolume());
        node.put("paused", audio.isPaused());
        node.set("state", state());
        node.set("voice", voice);
        node.set("filters", filters.toJson(json));
        return node;
    }

    void destroy() {
        voiceLink(null);
        audio.destroy();
    }
}
