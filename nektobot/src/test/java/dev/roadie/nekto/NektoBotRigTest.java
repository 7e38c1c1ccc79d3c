package dev.roadie.nekto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.roadie.nekto.node.NodeSide;
import dev.roadie.nekto.roulette.selfhosted.RouletteServer;
import dev.roadie.nekto.roulette.selfhosted.SelfHostedRoulette;
import dev.roadie.nekto.testing.FakeMainGateway;
import dev.roadie.nekto.testing.InstalledNodeSide;
import dev.roadie.nekto.testing.RecordingRoulette;
import dev.roadie.nekto.testing.StrangerBrowser;
import dev.roadie.voice.fake.FakeDiscordVoiceServer;
import dev.roadie.voice.fake.Recording;
import dev.roadie.voice.testing.AudioMeasure;
import dev.roadie.voice.testing.OpusDecoding;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole bot on loopback: a fake main gateway delivering the slash commands, the fake Discord
 * voice server with a user speaking 660 Hz, the self-hosted roulette, and a stranger in headless
 * Chromium whose microphone plays 440 Hz. Prints the delay each way and the loss.
 */
class NektoBotRigTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final int BOT_SSRC = 0x0B07;
    private static final long FRIEND = 380_000_000_000_000_002L;
    private static final int FRIEND_SSRC = 0x0F12;

    private FakeDiscordVoiceServer voiceServer;
    private FakeMainGateway discord;
    private RouletteServer rouletteServer;
    private StrangerBrowser stranger;
    private NektoBot bot;
    private final AtomicReference<RecordingRoulette> roulette = new AtomicReference<>();

    @BeforeEach
    void start_everything() throws Exception {
        NodeSide node = InstalledNodeSide.get();
        voiceServer = FakeDiscordVoiceServer.start(BOT_SSRC);
        discord = new FakeMainGateway(voiceServer::endpoint);
        rouletteServer = RouletteServer.start(node, "127.0.0.1", 0);
        stranger = StrangerBrowser.open(rouletteServer.address(), 440);
        stranger.click("mute");
        stranger.click("start");
        stranger.await("the page to look for a stranger", 15, page -> page.status().contains("Looking"));
        bot = NektoBot.start(discord.gatewayUrl(), discord.restUrl(), "token", listener -> {
            RecordingRoulette recording = new RecordingRoulette(
                    SelfHostedRoulette.connect(node, rouletteServer.address(), listener));
            roulette.set(recording);
            return recording;
        });
        // Commands come after READY and GUILD_CREATE on the same socket, so the bot knows the caller's channel.
        await().atMost(DEADLINE).until(discord::identified);
        discord.command("start");
        await().atMost(DEADLINE).until(() -> discord.said().contains("Connected to a stranger: say hello!"));
        // The muted microphone still sends silence, which the bot passes on: audio flows to the channel.
        await().atMost(DEADLINE).until(() -> voiceServer.clientAudio().count() > 10);
    }

    @AfterEach
    void stop() throws Exception {
        if (bot != null) bot.close();
        if (stranger != null) stranger.close();
        if (rouletteServer != null) rouletteServer.close();
        if (discord != null) discord.close();
        if (voiceServer != null) voiceServer.close();
    }

    @Test
    void the_stranger_hears_the_channel_and_the_channel_hears_the_stranger_without_echo() throws Exception {
        assertThat(discord.answers()).containsExactly("Joining <#" + FakeMainGateway.VOICE_CHANNEL + "> and looking for a stranger…");
        assertThat(discord.voiceStateRequests().getFirst().path("channel_id").asString())
                .isEqualTo(Long.toString(FakeMainGateway.VOICE_CHANNEL));

        // Channel to stranger: a user in the channel starts speaking 660 Hz.
        // The fake encodes the whole tone before its first packet goes out at once: the clock starts after.
        voiceServer.userStreamsTone(FRIEND, FRIEND_SSRC, 660, 50 * 12);
        long toneStarted = System.currentTimeMillis();
        double strangerHears = stranger.await("the stranger to hear 660 Hz", 20,
                page -> Math.abs(page.heardHz() - 660) < 10 ? page.heardHz() : null);
        long channelToStranger = stranger.onsetAt() - toneStarted;
        long throughBot = roulette.get().sentAtMillis().getFirst() - toneStarted;

        // Stranger to channel: the stranger unmutes their 440 Hz microphone.
        int before = voiceServer.clientAudio().count();
        stranger.click("mute");
        long unmuted = stranger.unmutedAt();
        await().atMost(DEADLINE).until(() -> voiceServer.clientAudio().count() >= before + 200);
        List<Recording.Received> packets = voiceServer.clientAudio().packets().subList(before, before + 200);
        short[] channel = OpusDecoding.decode(packets.stream().map(Recording.Received::frame).toList());
        int onset = firstLoudFrame(channel);
        long nanosToMillis = System.currentTimeMillis() - System.nanoTime() / 1_000_000;
        long strangerToChannel = packets.get(onset).arrivalNanos() / 1_000_000 + nanosToMillis - unmuted;
        short[] afterOnset = AudioMeasure.skipFrames(channel, onset + 25);
        stranger.screenshot("rig-stranger");

        // What the bot gave the stranger while both spoke: the channel, none of the stranger's own voice.
        List<byte[]> toStranger = roulette.get().sent();
        short[] sentToStranger = OpusDecoding.decode(toStranger.subList(toStranger.size() - 100, toStranger.size()));

        discord.command("status");
        await().atMost(DEADLINE).until(() -> discord.answers().size() == 2);
        Map<String, Object> inbound = stranger.inboundStats();
        int sequenceGaps = gaps(voiceServer.clientAudio().packets());
        System.out.printf("rig: stranger hears %.1f Hz, channel hears %.1f Hz; delay channel->stranger %d ms, "
                        + "stranger->channel %d ms; first frame to the stranger's leg after %d ms; stranger's WebRTC: %s; bot->voice server gaps: %d in %d; /status: %s%n",
                strangerHears, AudioMeasure.frequency(afterOnset), channelToStranger, strangerToChannel, throughBot, inbound,
                sequenceGaps, voiceServer.clientAudio().count(), discord.answers().getLast());

        assertThat(strangerHears).isCloseTo(660, within(10.0));
        assertThat(AudioMeasure.frequency(afterOnset)).isCloseTo(440, within(8.0));
        assertThat(AudioMeasure.amplitudeAt(afterOnset, 660)).as("the channel does not hear itself back").isLessThan(0.02);
        assertThat(AudioMeasure.amplitudeAt(sentToStranger, 660)).isGreaterThan(0.05);
        assertThat(AudioMeasure.amplitudeAt(sentToStranger, 440)).as("no echo of the stranger back to them").isLessThan(0.01);
        assertThat(channelToStranger).isBetween(0L, 1_000L);
        assertThat(strangerToChannel).isBetween(0L, 1_000L);
        assertThat(discord.answers().getLast()).startsWith("In <#" + FakeMainGateway.VOICE_CHANNEL + ">: talking to a stranger for");
        assertThat(sequenceGaps).isZero();
    }

    @Test
    void next_finds_another_stranger_and_stop_hangs_up_and_leaves() {
        discord.command("next");
        await().atMost(DEADLINE).until(() -> discord.said().stream().filter("Connected to a stranger: say hello!"::equals).count() == 2);
        stranger.await("the page to be connected again", 15, page -> page.status().contains("Connected"));

        discord.command("stop");
        await().atMost(DEADLINE).until(() -> discord.answers().size() == 3);
        assertThat(discord.answers()).containsExactly(
                "Joining <#" + FakeMainGateway.VOICE_CHANNEL + "> and looking for a stranger…",
                "Leaving this stranger; looking for another…",
                "Hung up and left <#" + FakeMainGateway.VOICE_CHANNEL + ">.");
        assertThat(discord.voiceStateRequests().getLast().path("channel_id").isNull()).isTrue();
        stranger.await("the page to hear that the stranger left", 15, page -> page.status().contains("left")
                || page.status().contains("Looking"));
        stranger.screenshot("rig-after-stop");
    }

    @Test
    void the_channel_is_told_when_the_stranger_leaves_and_the_bot_looks_for_another() {
        stranger.click("stop");

        await().atMost(DEADLINE).until(() -> discord.said().contains("The stranger left."));
        assertThat(discord.said()).containsSubsequence("Looking for a stranger…", "Connected to a stranger: say hello!",
                "The stranger left.", "Looking for a stranger…");
    }

    @Test
    void the_call_keeps_going_while_the_main_gateway_drops_and_resumes() {
        int before = voiceServer.clientAudio().count();

        discord.drop();
        discord.command("status");

        // The voice connection is separate: audio keeps reaching the channel, and the /status sent meanwhile is replayed.
        await().atMost(DEADLINE).until(() -> discord.resumes() == 1 && discord.answers().size() == 2);
        await().atMost(DEADLINE).until(() -> voiceServer.clientAudio().count() >= before + 100);
        assertThat(discord.identifies()).isEqualTo(1);
        assertThat(discord.answers().getLast()).startsWith("In <#" + FakeMainGateway.VOICE_CHANNEL + ">: talking to a stranger for");
        assertThat(discord.voiceStateRequests()).as("the bot did not have to join voice again").hasSize(1);
        assertThat(gaps(voiceServer.clientAudio().packets().subList(before, before + 100))).isZero();
    }

    /** The first 20 ms block loud enough to be the tone rather than silence. */
    private static int firstLoudFrame(short[] stereo) {
        int frames = stereo.length / 1920;
        for (int i = 0; i < frames; i++) {
            short[] block = java.util.Arrays.copyOfRange(stereo, i * 1920, (i + 1) * 1920);
            if (AudioMeasure.rms(block) > 0.01) {
                return i;
            }
        }
        throw new AssertionError("the channel never heard the stranger's microphone after it was unmuted");
    }

    private static int gaps(List<Recording.Received> packets) {
        int gaps = 0;
        for (int i = 1; i < packets.size(); i++) {
            if (packets.get(i).sequence() != ((packets.get(i - 1).sequence() + 1) & 0xFFFF)) {
                gaps++;
            }
        }
        return gaps;
    }
}
