package dev.roadie.audio.track;

import com.sedmelluq.discord.lavaplayer.track.AudioTrack;
import com.sedmelluq.discord.lavaplayer.track.AudioTrackInfo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Lavalink's track object: {@code encoded}, {@code info}, {@code pluginInfo}, {@code userData}. */
public final class TrackJson {
    private final JsonMapper json;
    private final TrackCodec codec;

    public TrackJson(JsonMapper json, TrackCodec codec) {
        this.json = json;
        this.codec = codec;
    }

    public ObjectNode of(AudioTrack track) {
        ObjectNode node = json.createObjectNode();
        node.put("encoded", codec.encode(track));
        AudioTrackInfo info = track.getInfo();
        ObjectNode infoNode = node.putObject("info");
        infoNode.put("identifier", info.identifier);
        infoNode.put("isSeekable", track.isSeekable());
        infoNode.put("author", info.author);
        infoNode.put("length", info.length);
        infoNode.put("isStream", info.isStream);
        infoNode.put("position", track.getPosition());
        infoNode.put("title", info.title);
        infoNode.put("uri", info.uri);
        infoNode.put("artworkUrl", info.artworkUrl);
        infoNode.put("isrc", info.isrc);
        infoNode.put("sourceName", track.getSourceManager() == null ? null : track.getSourceManager().getSourceName());
        node.putObject("pluginInfo");
        node.set("userData", track.getUserData() instanceof JsonNode data ? data : json.createObjectNode());
        return node;
    }
}
