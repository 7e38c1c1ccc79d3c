package dev.roadie.audio.filter;

import static dev.roadie.audio.filter.Pcm.sine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each filter's effect measured on the PCM lavaplayer makes while it plays a local tone file
 * through the filter chain, frame by frame as a voice connection pulls it.
 */
class FilterEffectTest {
    @TempDir
    Path folder;

    private final TonePlayer tones = new TonePlayer();

    @AfterEach
    void close() {
        tones.close();
    }

    private Path wav(double seconds, IntToDoubleFunction left, IntToDoubleFunction right) throws Exception {
        return Pcm.stereoWav(folder.resolve("tone-" + System.nanoTime() + ".wav"), seconds, left, right);
    }

    private float[][] play(Path file, String filters, double skip, double seconds) throws Exception {
        tones.play(file, filters);
        tones.take(skip);
        return tones.take(seconds);
    }

    private float[][] unfiltered(Path file, double skip, double seconds) throws Exception {
        try (TonePlayer plain = new TonePlayer()) {
            plain.play(file, (com.sedmelluq.discord.lavaplayer.filter.PcmFilterFactory) null);
            plain.take(skip);
            return plain.take(seconds);
        }
    }

    @Test
    void volume_scales_the_level_by_lavalinks_curve_so_that_0_587_halves_it() throws Exception {
        Path tone = wav(2, sine(440, 0.5), sine(440, 0.5));
        double before = Pcm.rms(unfiltered(tone, 0.2, 1)[0]);

        double halved = Pcm.rms(play(tone, "{\"volume\":0.587}", 0.2, 1)[0]);

        assertThat(halved / before).isCloseTo(0.5, within(0.01));
        try (TonePlayer other = new TonePlayer()) {
            other.play(tone, "{\"volume\":0.5}");
            other.take(0.2);
            // lavaplayer's curve, which lavadsp and so Lavalink use: tan(0.79 × 0.5).
            assertThat(Pcm.rms(other.take(1)[0]) / before).isCloseTo(Math.tan(0.395), within(0.01));
        }
    }

    @Test
    void an_equalizer_band_cut_lowers_that_band_and_leaves_a_far_one() throws Exception {
        IntToDoubleFunction mix = i -> sine(1000, 0.3).applyAsDouble(i) + sine(100, 0.3).applyAsDouble(i);
        Path tone = wav(2, mix, mix);
        float[] before = unfiltered(tone, 0.3, 1)[0];

        float[] after = play(tone, "{\"equalizer\":[{\"band\":8,\"gain\":-0.25}]}", 0.3, 1)[0];

        // Band 8 is 1 kHz; -0.25 is its deepest cut.
        assertThat(Pcm.power(after, 1000) / Pcm.power(before, 1000)).isLessThan(0.1);
        assertThat(Pcm.power(after, 100) / Pcm.power(before, 100)).isBetween(0.8, 1.25);
    }

    @Test
    void timescale_pitch_2_doubles_the_frequency_and_keeps_the_length() throws Exception {
        Path tone = wav(2, sine(440, 0.5), sine(440, 0.5));

        float[] out = play(tone, "{\"timescale\":{\"pitch\":2.0}}", 0.3, 1)[0];

        assertThat(Pcm.frequency(out)).isCloseTo(880, within(880 * 0.01));
        assertThat(Pcm.power(out, 880)).isGreaterThan(100 * Pcm.power(out, 440));
        assertThat(tones.framesToEnd()).isBetween(100 - 65 - 3, 100 - 65 + 3);
    }

    @Test
    void timescale_speed_2_halves_the_length_and_keeps_the_frequency() throws Exception {
        Path tone = wav(2, sine(440, 0.5), sine(440, 0.5));
        tones.play(tone, "{\"timescale\":{\"speed\":2.0}}");

        float[] out = tones.take(0.6)[0];
        int rest = tones.framesToEnd();

        // 2 s is 100 frames of 20 ms; twice as fast, 50 (30 of them taken above).
        assertThat(30 + rest).isBetween(48, 52);
        assertThat(Pcm.frequency(Arrays.copyOfRange(out, Pcm.RATE / 10, out.length)))
                .isCloseTo(440, within(440 * 0.01));
    }

    @Test
    void timescale_rate_2_doubles_both_speed_and_pitch() throws Exception {
        Path tone = wav(2, sine(440, 0.5), sine(440, 0.5));
        tones.play(tone, "{\"timescale\":{\"rate\":2.0}}");

        float[] out = tones.take(0.6)[0];
        int rest = tones.framesToEnd();

        assertThat(30 + rest).isBetween(48, 52);
        assertThat(Pcm.frequency(Arrays.copyOfRange(out, Pcm.RATE / 10, out.length)))
                .isCloseTo(880, within(880 * 0.01));
    }

    @Test
    void low_pass_attenuates_a_high_tone_and_passes_a_low_one() throws Exception {
        Path high = wav(2, sine(8000, 0.5), sine(8000, 0.5));
        Path low = wav(2, sine(60, 0.5), sine(60, 0.5));
        double highBefore = Pcm.rms(unfiltered(high, 0.2, 1)[0]);
        double lowBefore = Pcm.rms(unfiltered(low, 0.2, 1)[0]);

        double highAfter = Pcm.rms(play(high, "{\"lowPass\":{\"smoothing\":20}}", 0.2, 1)[0]);
        double lowAfter;
        try (TonePlayer other = new TonePlayer()) {
            other.play(low, "{\"lowPass\":{\"smoothing\":20}}");
            other.take(0.2);
            lowAfter = Pcm.rms(other.take(1)[0]);
        }

        // A one-pole smoother moving 1/20 of the way per sample lets 5 % of 8 kHz through.
        assertThat(highAfter / highBefore).isLessThan(0.06);
        assertThat(lowAfter / lowBefore).isGreaterThan(0.9);
    }

    @Test
    void rotation_moves_the_level_from_one_channel_to_the_other_at_its_rate() throws Exception {
        Path tone = wav(3, sine(1000, 0.5), sine(1000, 0.5));

        float[][] out = play(tone, "{\"rotation\":{\"rotationHz\":2}}", 0.1, 2);

        float[] left = Pcm.envelope(out[0], 480);
        float[] right = Pcm.envelope(out[1], 480);
        float[] balance = new float[left.length];
        for (int i = 0; i < left.length; i++) {
            balance[i] = left[i] - right[i];
        }
        // Each side goes from near silence to near the full level and back, opposite the other.
        assertThat(max(left)).isGreaterThan(0.3f);
        assertThat(min(left)).isLessThan(0.03f);
        assertThat(max(right)).isGreaterThan(0.3f);
        assertThat(min(right)).isLessThan(0.03f);
        assertThat(Pcm.strongest(balance, 100, 1, 10)).isEqualTo(2);
    }

    @Test
    void channel_mix_can_swap_the_channels() throws Exception {
        Path tone = wav(2, sine(440, 0.5), sine(880, 0.5));

        float[][] out = play(tone, "{\"channelMix\":{\"leftToLeft\":0,\"leftToRight\":1,\"rightToLeft\":1,"
                + "\"rightToRight\":0}}", 0.2, 1);

        assertThat(Pcm.frequency(out[0])).isCloseTo(880, within(5.0));
        assertThat(Pcm.frequency(out[1])).isCloseTo(440, within(5.0));
    }

    @Test
    void karaoke_removes_a_centre_panned_tone_and_keeps_one_on_a_side() throws Exception {
        Path centre = wav(2, sine(1000, 0.5), sine(1000, 0.5));
        Path side = wav(2, sine(1000, 0.5), Pcm.silence());

        float[][] centreOut = play(centre, "{\"karaoke\":{}}", 0.2, 1);
        float[][] sideOut;
        try (TonePlayer other = new TonePlayer()) {
            other.play(side, "{\"karaoke\":{}}");
            other.take(0.2);
            sideOut = other.take(1);
        }

        assertThat(Pcm.rms(centreOut[0])).isLessThan(0.02);
        assertThat(Pcm.rms(centreOut[1])).isLessThan(0.02);
        assertThat(Pcm.rms(sideOut[0])).isGreaterThan(0.3);
    }

    @Test
    void tremolo_modulates_the_level_at_its_frequency() throws Exception {
        Path tone = wav(3, sine(1000, 0.5), sine(1000, 0.5));

        float[] out = play(tone, "{\"tremolo\":{\"frequency\":5,\"depth\":1}}", 0.1, 2)[0];

        float[] level = Pcm.envelope(out, 240);
        assertThat(Pcm.strongest(level, 200, 1, 20)).isEqualTo(5);
        assertThat(min(level)).isLessThan(0.05f);
        assertThat(max(level)).isGreaterThan(0.3f);
    }

    @Test
    void vibrato_modulates_the_pitch_at_its_frequency() throws Exception {
        Path tone = wav(3, sine(200, 0.5), sine(200, 0.5));

        float[] out = play(tone, "{\"vibrato\":{\"frequency\":6,\"depth\":1}}", 0.1, 2)[0];

        // A delay that swings 2 ms at 200 Hz swings the phase by 0.4 turns; a wobbling phase is a wobbling pitch.
        float[] phase = Pcm.phases(out, 200, 240);
        assertThat(Pcm.strongest(phase, 200, 1, 13)).isEqualTo(6);
        assertThat(max(phase) - min(phase)).isBetween(2.0f, 3.0f);
        assertThat(Pcm.rms(out)).isGreaterThan(0.3);
    }

    @Test
    void distortion_adds_harmonics() throws Exception {
        Path tone = wav(2, sine(440, 0.8), sine(440, 0.8));

        float[] out = play(tone, "{\"distortion\":{\"scale\":0.5}}", 0.2, 1)[0];

        // 0.5·sin(s)·cos(s)·tan(s) is 0.5·sin²(s): a sine comes out at twice its frequency.
        assertThat(Pcm.power(out, 880)).isGreaterThan(100 * Pcm.power(out, 440));
        assertThat(Pcm.rms(out)).isGreaterThan(0.05);
    }

    private static float max(float[] values) {
        float max = Float.NEGATIVE_INFINITY;
        for (float value : values) {
            max = Math.max(max, value);
        }
        return max;
    }

    private static float min(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        for (float value : values) {
            min = Math.min(min, value);
        }
        return min;
    }
}
