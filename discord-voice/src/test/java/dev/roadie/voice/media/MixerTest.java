package dev.roadie.voice.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MixerTest {

    private static short[] block(int value) {
        short[] pcm = new short[OpusFrames.PCM_LENGTH];
        Arrays.fill(pcm, (short) value);
        return pcm;
    }

    @Test
    void voices_add_up() {
        Mixer mixer = new Mixer();
        mixer.add(block(1000));
        mixer.add(block(-300));

        assertThat(mixer.take()).containsOnly((short) 700);
    }

    @Test
    void loud_voices_clip_at_full_scale_instead_of_wrapping() {
        Mixer mixer = new Mixer();
        mixer.add(block(30_000));
        mixer.add(block(30_000));
        short[] high = mixer.take();
        mixer.add(block(-30_000));
        mixer.add(block(-30_000));
        short[] low = mixer.take();

        assertThat(high).containsOnly(Short.MAX_VALUE);
        assertThat(low).containsOnly(Short.MIN_VALUE);
    }

    @Test
    void no_voice_gives_no_mix_and_each_take_starts_over() {
        Mixer mixer = new Mixer();
        assertThat(mixer.take()).isNull();
        mixer.add(block(5));
        mixer.take();
        mixer.add(block(7));

        assertThat(mixer.take()).containsOnly((short) 7);
    }
}
