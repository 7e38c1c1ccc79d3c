package dev.roadie.nekto;

import dev.roadie.nekto.bridge.Bridge;
import dev.roadie.nekto.roulette.Roulette;
import dev.roadie.nekto.roulette.RouletteListener;
import dev.roadie.nekto.roulette.Stranger;
import dev.roadie.voice.VoiceConnection;
import dev.roadie.voice.VoiceListener;
import dev.roadie.voice.VoiceSession;
import dev.roadie.voice.dave.DaveSession;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One guild's call: the bot in a voice channel, a roulette, the bridge between them, and what is
 * said in the text channel as things happen. The voice connection starts once the main gateway
 * has given both the bot's session id and the voice server.
 */
final class Call implements RouletteListener, AutoCloseable {

    private final long guildId;
    private final long voiceChannelId;
    private final long botUserId;
    private final Consumer<String> say;
    private final Roulette roulette;
    private final Bridge bridge;
    private String sessionId;
    private String endpoint;
    private String token;
    private volatile VoiceConnection voice;
    private volatile Instant talkingSince;
    private volatile int lastSequence = -1;
    private volatile long framesHeard;
    private volatile long framesLost;
    private volatile boolean closed;

    Call(long guildId, long voiceChannelId, long botUserId, Consumer<String> say,
            Function<RouletteListener, Roulette> roulettes) {
        this.guildId = guildId;
        this.voiceChannelId = voiceChannelId;
        this.botUserId = botUserId;
        this.say = say;
        this.roulette = roulettes.apply(this);
        this.bridge = new Bridge(roulette);
    }

    long guildId() {
        return guildId;
    }

    long voiceChannelId() {
        return voiceChannelId;
    }

    void findStranger() {
        roulette.findStranger();
    }

    void next() {
        bridge.strangerGone();
        talkingSince = null;
        roulette.findStranger();
    }

    synchronized void voiceSession(String session) {
        this.sessionId = session;
        connectVoice();
    }

    synchronized void voiceServer(String newEndpoint, String newToken) {
        if (voice != null) {
            voice.moveTo(newEndpoint, newToken);
            return;
        }
        this.endpoint = newEndpoint;
        this.token = newToken;
        connectVoice();
    }

    private void connectVoice() {
        if (closed || voice != null || sessionId == null || endpoint == null) {
            return;
        }
        voice = VoiceConnection.builder(new VoiceSession(endpoint, token, sessionId, guildId, botUserId, voiceChannelId))
                // Discord's voice channels require DAVE (end-to-end encryption); without it they refuse the bot (4017).
                .dave(new DaveSession())
                .frames(bridge.toChannel())
                .listener(new VoiceListener() {
                    @Override
                    public void onMixed(short[] pcm) {
                        bridge.channelMixed(pcm);
                    }

                    @Override
                    public void onDisconnected(String reason) {
                        say.accept("Lost the voice channel: " + reason + ". Use /stop, then /start again.");
                    }
                })
                .connect();
    }

    String status() {
        Instant since = talkingSince;
        if (since == null) {
            return "In <#" + voiceChannelId + ">: looking for a stranger.";
        }
        long seconds = Duration.between(since, Instant.now()).toSeconds();
        return String.format("In <#%d>: talking to a stranger for %d min %02d s (%d frames heard from them, %d lost).",
                voiceChannelId, seconds / 60, seconds % 60, framesHeard, framesLost);
    }

    @Override
    public void searching() {
        say.accept("Looking for a stranger…");
    }

    @Override
    public void connected(Stranger stranger) {
        bridge.strangerConnected(stranger);
        talkingSince = Instant.now();
        lastSequence = -1;
        framesHeard = 0;
        framesLost = 0;
        say.accept("Connected to a stranger: say hello!");
    }

    @Override
    public void heard(int sequence, byte[] opusFrame) {
        // Only this thread writes the counters; /status reads them.
        if (lastSequence >= 0) {
            framesLost += Math.max(0, ((sequence - lastSequence) & 0xffff) - 1);
        }
        lastSequence = sequence;
        framesHeard++;
        bridge.strangerSpoke(opusFrame);
    }

    @Override
    public void strangerLeft() {
        bridge.strangerGone();
        talkingSince = null;
        if (!closed) {
            say.accept("The stranger left.");
            roulette.findStranger();
        }
    }

    @Override
    public void failed(String message) {
        say.accept("The roulette had a problem: " + message);
    }

    @Override
    public void close() {
        closed = true;
        roulette.close();
        VoiceConnection connected = voice;
        if (connected != null) {
            connected.close();
        }
    }
}
