package dev.roadie.nekto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.roadie.nekto.node.NodeSide;
import dev.roadie.nekto.roulette.selfhosted.RouletteServer;
import dev.roadie.nekto.roulette.selfhosted.SelfHostedRoulette;
import dev.roadie.nekto.testing.FakeMainGateway;
import dev.roadie.nekto.testing.InstalledNodeSide;
import dev.roadie.nekto.testing.StrangerBrowser;
import dev.roadie.voice.fake.FakeDaveUser;
import dev.roadie.voice.fake.FakeDiscordVoiceServer;
import dev.roadie.voice.fake.Recording;
import dev.roadie.voice.testing.AudioMeasure;
import dev.roadie.voice.testing.OpusDecoding;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bridge in an end-to-end encrypted call, as Discord's voice channels are: the channel's
 * user speaks DAVE, so the bot's voice connection must form a DAVE group with them for either
 * side to hear the other.
 */
class NektoBotDaveRigTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final int BOT_SSRC = 0x0B07;
    private static final long FRIEND = 380_000_000_000_000_002L;
    private static final int FRIEND_SSRC = 0x0F12;

    private FakeDiscordVoiceServer voiceServer;
    private FakeMainGateway discord;
    private RouletteServer rouletteServer;
    private StrangerBrowser stranger;
    private NektoBot bot;

    @AfterEach
    void stop() throws Exception {
        if (bot != null) bot.close();
        if (stranger != null) stranger.close();
        if (rouletteServer != null) rouletteServer.close();
        if (discord != null) discord.close();
        if (voiceServer != null) voiceServer.close();
    }

    @Test
    void a_dave_user_in_the_channel_and_the_stranger_hear_each_other() throws Exception {
        NodeSide node = InstalledNodeSide.get();
        voiceServer = FakeDiscordVoiceServer.startWithDave(BOT_SSRC, FakeMainGateway.BOT, FakeMainGateway.VOICE_CHANNEL);
        discord = new FakeMainGateway(voiceServer::endpoint);
        rouletteServer = RouletteServer.start(node, "127.0.0.1", 0);
        stranger = StrangerBrowser.open(rouletteServer.address(), 440);
        stranger.click("start");
        stranger.await("the page to look for a stranger", 15, page -> page.status().contains("Looking"));
        bot = NektoBot.start(discord.gatewayUrl(), discord.restUrl(), "token",
                listener -> SelfHostedRoulette.connect(node, rouletteServer.address(), listener));
        await().atMost(DEADLINE).until(discord::identified);
        discord.command("start");
        await().atMost(DEADLINE).until(() -> discord.said().contains("Connected to a stranger: say hello!"));

        FakeDaveUser friend = voiceServer.daveUserJoins(FRIEND, FRIEND_SSRC);
        await().atMost(DEADLINE).until(() -> voiceServer.dave().members().containsAll(List.of(FakeMainGateway.BOT, FRIEND))
                && !friend.frames().sendingPassthrough());
        int before = voiceServer.clientAudio().count();
        voiceServer.streamTone(FRIEND_SSRC, 660, 50 * 10);

        double strangerHears = stranger.await("the stranger to hear the DAVE user's 660 Hz", 20,
                page -> Math.abs(page.heardHz() - 660) < 10 ? page.heardHz() : null);
        // Two seconds past the tone's start, then the last second: well after the group's transition.
        await().atMost(DEADLINE).until(() -> voiceServer.clientAudio().count() >= before + 250);
        List<Recording.Received> packets = voiceServer.clientAudio().packets();
        short[] channel = OpusDecoding.decode(packets.subList(packets.size() - 100, packets.size()).stream()
                .map(Recording.Received::frame).toList());

        assertThat(strangerHears).isCloseTo(660, within(10.0));
        assertThat(AudioMeasure.frequency(channel)).as("the DAVE user hears the stranger").isCloseTo(440, within(8.0));
        assertThat(AudioMeasure.amplitudeAt(channel, 440)).isGreaterThan(0.05);
        assertThat(AudioMeasure.amplitudeAt(channel, 660)).as("the channel does not hear itself back").isLessThan(0.02);
    }
}
