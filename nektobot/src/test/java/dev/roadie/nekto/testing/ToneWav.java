package dev.roadie.nekto.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** A WAV file of a sine tone (48 kHz, 16-bit mono), for Chromium's fake microphone, which loops it. */
public final class ToneWav {

    private ToneWav() {
    }

    public static Path write(Path file, double frequencyHz, int seconds) throws IOException {
        int rate = 48_000;
        int samples = rate * seconds;
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
        wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16);
        wav.put("data".getBytes()).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            wav.putShort((short) Math.round(0.5 * Short.MAX_VALUE * Math.sin(2 * Math.PI * frequencyHz * i / rate)));
        }
        return Files.write(file, wav.array());
    }
}
