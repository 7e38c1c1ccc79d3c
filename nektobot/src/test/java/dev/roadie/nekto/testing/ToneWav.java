package dev.roadie.nekto.testing;

import dev.roadie.voice.testing.Wav;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A WAV file of a sine tone (48 kHz, 16-bit mono), for Chromium's fake microphone, which loops it. */
public final class ToneWav {

    private ToneWav() {
    }

    public static Path write(Path file, double frequencyHz, int seconds) throws IOException {
        return Files.write(file, Wav.tones(new double[] {frequencyHz}, seconds, 0.5));
    }
}
