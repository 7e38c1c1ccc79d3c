package dev.roadie.nekto.roulette.selfhosted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.roadie.nekto.node.NodeSide;
import dev.roadie.nekto.testing.HeardFromStranger;
import dev.roadie.nekto.testing.InstalledNodeSide;
import dev.roadie.nekto.testing.Pacer;
import dev.roadie.nekto.testing.StrangerBrowser;
import dev.roadie.voice.testing.AudioMeasure;
import dev.roadie.voice.testing.OpusDecoding;
import dev.roadie.voice.testing.OpusTone;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The self-hosted roulette end to end: its Node server, a stranger in headless Chromium whose
 * microphone plays 440 Hz, and the bot's side (the werift leg) sending 660 Hz.
 */
class SelfHostedRouletteTest {

    private static final Duration PAIRING = Duration.ofSeconds(20);

    private RouletteServer server;
    private StrangerBrowser stranger;
    private SelfHostedRoulette roulette;
    private final HeardFromStranger heard = new HeardFromStranger();

    @BeforeEach
    void start_the_roulette_and_a_stranger() throws Exception {
        NodeSide node = InstalledNodeSide.get();
        server = RouletteServer.start(node, "127.0.0.1", 0);
        roulette = SelfHostedRoulette.connect(node, server.address(), heard);
        stranger = StrangerBrowser.open(server.address(), 440);
        stranger.click("start");
        stranger.await("the page to look for a stranger", 15, page -> page.status().contains("Looking"));
        roulette.findStranger();
        await().atMost(PAIRING).until(() -> heard.count("connected") == 1);
        stranger.await("the page to say it is connected", 15, page -> page.status().contains("Connected"));
    }

    @AfterEach
    void stop() {
        if (stranger != null) stranger.close();
        if (roulette != null) roulette.close();
        if (server != null) server.close();
    }

    @Test
    void the_bot_hears_the_strangers_microphone_and_the_stranger_hears_the_bot() {
        try (Pacer bot = new Pacer(new OpusTone(660, 50 * 30)::nextFrame, roulette::send)) {
            // Skip the first second: the codec and Chromium's capture start up.
            await().atMost(Duration.ofSeconds(15)).until(() -> heard.frames().size() >= 150);
            short[] fromStranger = OpusDecoding.decode(heard.opusFrom(50));
            double botHears = AudioMeasure.frequency(fromStranger);
            double strangerHears = stranger.await("the page to hear 660 Hz", 15,
                    page -> Math.abs(page.heardHz() - 660) < 10 ? page.heardHz() : null);
            stranger.screenshot("roulette-connected");
            System.out.printf("roulette: the bot heard %.1f Hz, the stranger %.1f Hz; %s%n", botHears, strangerHears,
                    heard.loss());

            // Chromium's fake microphone runs on its own clock: its 440 Hz measures a hertz or few off.
            assertThat(botHears).isCloseTo(440, within(8.0));
            assertThat(AudioMeasure.amplitudeAt(fromStranger, 660)).isLessThan(0.02);
            assertThat(strangerHears).isCloseTo(660, within(10.0));
            assertThat(heard.stranger().channels()).isIn(1, 2);
        }
    }

    @Test
    void the_bot_is_told_when_the_stranger_stops() {
        stranger.click("stop");

        await().atMost(Duration.ofSeconds(10)).until(() -> heard.count("left") == 1);
        stranger.screenshot("roulette-stopped");
        assertThat(stranger.status()).isEqualTo("Not connected.");
    }

    @Test
    void the_stranger_is_told_when_the_bot_hangs_up_and_waits_for_the_next() {
        roulette.hangUp();

        stranger.await("the page to say the stranger left", 10, page -> page.status().contains("stranger left"));
        stranger.await("the page to look again", 10, page -> page.status().contains("Looking"));
        assertThat(heard.count("left")).isZero();
    }

    @Test
    void next_from_the_bot_meets_the_same_stranger_again_when_nobody_else_waits() {
        roulette.findStranger();

        await().atMost(PAIRING).until(() -> heard.count("connected") == 2);
        assertThat(heard.events()).doesNotContain("failed");
    }
}
