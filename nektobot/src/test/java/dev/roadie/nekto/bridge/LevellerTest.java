package dev.roadie.nekto.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.roadie.voice.testing.AudioMeasure;
import dev.roadie.voice.testing.Tone;
import org.junit.jupiter.api.Test;

class LevellerTest {

    private static double levelAfterOneSecond(double amplitude) {
        Leveller leveller = new Leveller();
        Tone tone = new Tone(440, amplitude);
        short[] last = null;
        for (int i = 0; i < 50; i++) {
            last = leveller.level(tone.nextFrame());
        }
        return AudioMeasure.rms(last);
    }

    @Test
    void a_quiet_voice_and_a_loud_one_come_out_at_about_the_same_level() {
        assertThat(levelAfterOneSecond(0.1)).isCloseTo(0.125, within(0.01));
        assertThat(levelAfterOneSecond(0.8)).isCloseTo(0.125, within(0.01));
    }

    @Test
    void a_whisper_is_raised_at_most_four_times_so_that_hiss_is_not_pumped_up() {
        assertThat(levelAfterOneSecond(0.01)).isCloseTo(4 * 0.01 / Math.sqrt(2), within(0.002));
    }

    @Test
    void silence_stays_silent_and_leaves_the_gain_alone() {
        assertThat(levelAfterOneSecond(0.0)).isZero();
    }
}
