package dev.roadie.audio.track;

import com.sedmelluq.discord.lavaplayer.player.AudioLoadResultHandler;
import com.sedmelluq.discord.lavaplayer.player.AudioPlayerManager;
import com.sedmelluq.discord.lavaplayer.tools.FriendlyException;
import com.sedmelluq.discord.lavaplayer.track.AudioPlaylist;
import com.sedmelluq.discord.lavaplayer.track.AudioTrack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v4/loadtracks}: lavaplayer loads the identifier and the result becomes Lavalink's
 * {@code {loadType, data}}. An identifier no source takes (a {@code ytsearch:} with no YouTube
 * source here) is {@code empty}, as on a Lavalink without that source.
 */
public final class TrackLoader {
    private static final long LOAD_TIMEOUT_SECONDS = 30;

    private final AudioPlayerManager manager;
    private final JsonMapper json;
    private final TrackJson tracks;

    public TrackLoader(AudioPlayerManager manager, JsonMapper json, TrackJson tracks) {
        this.manager = manager;
        this.json = json;
        this.tracks = tracks;
    }

    public ObjectNode load(String identifier) throws InterruptedException {
        CompletableFuture<ObjectNode> result = new CompletableFuture<>();
        manager.loadItem(identifier, new AudioLoadResultHandler() {
            @Override
            public void trackLoaded(AudioTrack track) {
                result.complete(answer("track").set("data", tracks.of(track)));
            }

            @Override
            public void playlistLoaded(AudioPlaylist playlist) {
                if (playlist.isSearchResult()) {
                    ArrayNode found = json.createArrayNode();
                    playlist.getTracks().forEach(track -> found.add(tracks.of(track)));
                    result.complete(answer("search").set("data", found));
                    return;
                }
                ObjectNode data = json.createObjectNode();
                ObjectNode info = data.putObject("info");
                info.put("name", playlist.getName());
                info.put("selectedTrack", playlist.getSelectedTrack() == null ? -1
                        : playlist.getTracks().indexOf(playlist.getSelectedTrack()));
                data.putObject("pluginInfo");
                ArrayNode list = data.putArray("tracks");
                playlist.getTracks().forEach(track -> list.add(tracks.of(track)));
                result.complete(answer("playlist").set("data", data));
            }

            @Override
            public void noMatches() {
                result.complete(answer("empty").set("data", json.createObjectNode()));
            }

            @Override
            public void loadFailed(FriendlyException exception) {
                result.complete(answer("error").set("data", exception(exception)));
            }
        });
        try {
            return result.get(LOAD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Loading " + identifier + " failed", e.getCause());
        } catch (TimeoutException e) {
            FriendlyException slow = new FriendlyException("Loading took longer than " + LOAD_TIMEOUT_SECONDS
                    + " seconds", FriendlyException.Severity.SUSPICIOUS, e);
            return answer("error").set("data", exception(slow));
        }
    }

    /** Lavalink's exception object, as in {@code loadtracks} errors and {@code TrackExceptionEvent}. */
    public ObjectNode exception(FriendlyException exception) {
        ObjectNode node = json.createObjectNode();
        node.put("message", exception.getMessage());
        node.put("severity", exception.severity.name().toLowerCase(Locale.ROOT));
        Throwable root = exception;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        node.put("cause", root.toString());
        StringWriter trace = new StringWriter();
        root.printStackTrace(new PrintWriter(trace));
        node.put("causeStackTrace", trace.toString());
        return node;
    }

    private ObjectNode answer(String loadType) {
        ObjectNode node = json.createObjectNode();
        node.put("loadType", loadType);
        return node;
    }
}
