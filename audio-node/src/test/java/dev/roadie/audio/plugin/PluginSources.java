package dev.roadie.audio.plugin;

import java.util.Map;

/** The sources of the plugins the tests build: each a small lavaplayer AudioSourceManager. */
final class PluginSources {
    private PluginSources() {
    }

    /**
     * {@code testsrc:HERTZ} is a 3 s tone at HERTZ, played from a WAV made in memory and copied through
     * commons-io; the track's author names the commons-io version the plugin sees.
     */
    static final Map<String, String> TONE = Map.of(
            "org.example.testsrc.ToneSourceManager", """
                    package org.example.testsrc;

                    import com.sedmelluq.discord.lavaplayer.player.AudioPlayerManager;
                    import com.sedmelluq.discord.lavaplayer.source.AudioSourceManager;
                    import com.sedmelluq.discord.lavaplayer.track.AudioItem;
                    import com.sedmelluq.discord.lavaplayer.track.AudioReference;
                    import com.sedmelluq.discord.lavaplayer.track.AudioTrack;
                    import com.sedmelluq.discord.lavaplayer.track.AudioTrackInfo;
                    import java.io.DataInput;
                    import java.io.DataOutput;
                    import org.apache.commons.io.IOUtils;

                    public class ToneSourceManager implements AudioSourceManager {
                        public String getSourceName() { return "testsrc"; }

                        public AudioItem loadItem(AudioPlayerManager manager, AudioReference reference) {
                            if (!reference.identifier.startsWith("testsrc:")) {
                                return null;
                            }
                            String library = "commons-io " + IOUtils.class.getPackage().getImplementationVersion();
                            return new ToneTrack(new AudioTrackInfo("Tone " + reference.identifier.substring(8) + " Hz",
                                    library, 3000, reference.identifier, false, null), this);
                        }

                        public boolean isTrackEncodable(AudioTrack track) { return true; }
                        public void encodeTrack(AudioTrack track, DataOutput output) { }
                        public AudioTrack decodeTrack(AudioTrackInfo info, DataInput input) { return new ToneTrack(info, this); }
                        public void shutdown() { }
                    }
                    """,
            "org.example.testsrc.ToneTrack", """
                    package org.example.testsrc;

                    import com.sedmelluq.discord.lavaplayer.container.wav.WavAudioTrack;
                    import com.sedmelluq.discord.lavaplayer.source.AudioSourceManager;
                    import com.sedmelluq.discord.lavaplayer.track.AudioTrack;
                    import com.sedmelluq.discord.lavaplayer.track.AudioTrackInfo;
                    import com.sedmelluq.discord.lavaplayer.track.DelegatedAudioTrack;
                    import com.sedmelluq.discord.lavaplayer.track.playback.LocalAudioTrackExecutor;
                    import java.io.ByteArrayInputStream;
                    import java.nio.ByteBuffer;
                    import java.nio.ByteOrder;
                    import org.apache.commons.io.IOUtils;

                    public class ToneTrack extends DelegatedAudioTrack {
                        private final ToneSourceManager source;

                        ToneTrack(AudioTrackInfo info, ToneSourceManager source) {
                            super(info);
                            this.source = source;
                        }

                        public void process(LocalAudioTrackExecutor executor) throws Exception {
                            double hertz = Double.parseDouble(trackInfo.identifier.substring(8));
                            byte[] wav = IOUtils.toByteArray(new ByteArrayInputStream(wav(hertz, (int) (trackInfo.length / 1000))));
                            processDelegate(new WavAudioTrack(trackInfo, new MemoryStream(wav)), executor);
                        }

                        public AudioSourceManager getSourceManager() { return source; }

                        protected AudioTrack makeShallowClone() { return new ToneTrack(trackInfo, source); }

                        static byte[] wav(double hertz, int seconds) {
                            int rate = 48_000;
                            int samples = rate * seconds;
                            ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
                            wav.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
                            wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate)
                                    .putInt(rate * 2).putShort((short) 2).putShort((short) 16);
                            wav.put("data".getBytes()).putInt(samples * 2);
                            for (int i = 0; i < samples; i++) {
                                wav.putShort((short) (Math.sin(2 * Math.PI * hertz * i / rate) * 12_000));
                            }
                            return wav.array();
                        }
                    }
                    """,
            "org.example.testsrc.MemoryStream", """
                    package org.example.testsrc;

                    import com.sedmelluq.discord.lavaplayer.tools.io.SeekableInputStream;
                    import com.sedmelluq.discord.lavaplayer.track.info.AudioTrackInfoProvider;
                    import java.util.List;

                    class MemoryStream extends SeekableInputStream {
                        private final byte[] bytes;
                        private int position;

                        MemoryStream(byte[] bytes) {
                            super(bytes.length, 0);
                            this.bytes = bytes;
                        }

                        public int read() {
                            return position < bytes.length ? bytes[position++] & 0xFF : -1;
                        }

                        public int read(byte[] into, int offset, int length) {
                            if (position >= bytes.length) {
                                return -1;
                            }
                            int count = Math.min(length, bytes.length - position);
                            System.arraycopy(bytes, position, into, offset, count);
                            position += count;
                            return count;
                        }

                        public long getPosition() { return position; }
                        protected void seekHard(long to) { position = (int) to; }
                        public boolean canSeekHard() { return true; }
                        public List<AudioTrackInfoProvider> getTrackInfoProviders() { return List.of(); }
                    }
                    """);

    /**
     * A stand-in for youtube-source's class, with its name and its {@code (boolean allowSearch)}
     * constructor and no services entry: {@code ytsearch:} answers a track whose author says
     * whether search was allowed and which commons-io it sees (through its manifest's Class-Path).
     */
    static final Map<String, String> YOUTUBE = Map.of(
            "dev.lavalink.youtube.YoutubeAudioSourceManager", """
                    package dev.lavalink.youtube;

                    import com.sedmelluq.discord.lavaplayer.player.AudioPlayerManager;
                    import com.sedmelluq.discord.lavaplayer.source.AudioSourceManager;
                    import com.sedmelluq.discord.lavaplayer.track.AudioItem;
                    import com.sedmelluq.discord.lavaplayer.track.AudioReference;
                    import com.sedmelluq.discord.lavaplayer.track.AudioTrack;
                    import com.sedmelluq.discord.lavaplayer.track.AudioTrackInfo;
                    import com.sedmelluq.discord.lavaplayer.track.DelegatedAudioTrack;
                    import com.sedmelluq.discord.lavaplayer.track.playback.LocalAudioTrackExecutor;
                    import java.io.DataInput;
                    import java.io.DataOutput;
                    import org.apache.commons.io.IOUtils;

                    public class YoutubeAudioSourceManager implements AudioSourceManager {
                        private final boolean allowSearch;

                        public YoutubeAudioSourceManager() { this(true); }
                        public YoutubeAudioSourceManager(boolean allowSearch) { this.allowSearch = allowSearch; }

                        public String getSourceName() { return "youtube"; }

                        public AudioItem loadItem(AudioPlayerManager manager, AudioReference reference) {
                            if (!reference.identifier.startsWith("ytsearch:")) {
                                return null;
                            }
                            String author = "allowSearch=" + allowSearch + ", commons-io "
                                    + IOUtils.class.getPackage().getImplementationVersion();
                            AudioSourceManager self = this;
                            return new DelegatedAudioTrack(new AudioTrackInfo("Found", author, 1000, "dQw4w9WgXcQ", false, null)) {
                                public void process(LocalAudioTrackExecutor executor) {
                                    throw new UnsupportedOperationException("a stand-in plays nothing");
                                }
                                public AudioSourceManager getSourceManager() { return self; }
                            };
                        }

                        public boolean isTrackEncodable(AudioTrack track) { return false; }
                        public void encodeTrack(AudioTrack track, DataOutput output) { }
                        public AudioTrack decodeTrack(AudioTrackInfo info, DataInput input) { return null; }
                        public void shutdown() { }
                    }
                    """);

    /** A source manager whose constructor throws, as one missing its API key would. */
    static final Map<String, String> THROWING = Map.of(
            "org.example.keyed.KeyedSourceManager", """
                    package org.example.keyed;

                    import com.sedmelluq.discord.lavaplayer.player.AudioPlayerManager;
                    import com.sedmelluq.discord.lavaplayer.source.AudioSourceManager;
                    import com.sedmelluq.discord.lavaplayer.track.AudioItem;
                    import com.sedmelluq.discord.lavaplayer.track.AudioReference;
                    import com.sedmelluq.discord.lavaplayer.track.AudioTrack;
                    import com.sedmelluq.discord.lavaplayer.track.AudioTrackInfo;
                    import java.io.DataInput;
                    import java.io.DataOutput;

                    public class KeyedSourceManager implements AudioSourceManager {
                        public KeyedSourceManager() {
                            throw new IllegalStateException("no API key: set KEYED_API_KEY");
                        }

                        public String getSourceName() { return "keyed"; }
                        public AudioItem loadItem(AudioPlayerManager manager, AudioReference reference) { return null; }
                        public boolean isTrackEncodable(AudioTrack track) { return false; }
                        public void encodeTrack(AudioTrack track, DataOutput output) { }
                        public AudioTrack decodeTrack(AudioTrackInfo info, DataInput input) { return null; }
                        public void shutdown() { }
                    }
                    """);

    /** A library a plugin needs, standing for Rhino beside youtube-source. */
    static final Map<String, String> ENGINE = Map.of(
            "org.example.engine.Engine", """
                    package org.example.engine;

                    public class Engine {
                    }
                    """);

    /** A source manager whose constructor uses {@link #ENGINE}'s class. */
    static final Map<String, String> NEEDY = Map.of(
            "org.example.needy.NeedySourceManager", """
                    package org.example.needy;

                    import com.sedmelluq.discord.lavaplayer.player.AudioPlayerManager;
                    import com.sedmelluq.discord.lavaplayer.source.AudioSourceManager;
                    import com.sedmelluq.discord.lavaplayer.track.AudioItem;
                    import com.sedmelluq.discord.lavaplayer.track.AudioReference;
                    import com.sedmelluq.discord.lavaplayer.track.AudioTrack;
                    import com.sedmelluq.discord.lavaplayer.track.AudioTrackInfo;
                    import java.io.DataInput;
                    import java.io.DataOutput;
                    import org.example.engine.Engine;

                    public class NeedySourceManager implements AudioSourceManager {
                        private final Object engine;

                        public NeedySourceManager() {
                            engine = new Engine();
                        }

                        public String getSourceName() { return "needy"; }
                        public AudioItem loadItem(AudioPlayerManager manager, AudioReference reference) { return null; }
                        public boolean isTrackEncodable(AudioTrack track) { return false; }
                        public void encodeTrack(AudioTrack track, DataOutput output) { }
                        public AudioTrack decodeTrack(AudioTrackInfo info, DataInput input) { return null; }
                        public void shutdown() { }
                    }
                    """);
}
