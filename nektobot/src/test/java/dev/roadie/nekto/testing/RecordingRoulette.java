package dev.roadie.nekto.testing;

import dev.roadie.nekto.roulette.Roulette;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A roulette that keeps every frame the bot sent to the stranger, to check what the stranger was given. */
public final class RecordingRoulette implements Roulette {

    private final Roulette inner;
    private final List<byte[]> sent = new CopyOnWriteArrayList<>();
    private final List<Long> sentAtMillis = new CopyOnWriteArrayList<>();

    public RecordingRoulette(Roulette inner) {
        this.inner = inner;
    }

    public List<byte[]> sent() {
        return List.copyOf(sent);
    }

    /** When (epoch ms) each frame was sent, in the order of {@link #sent()}. */
    public List<Long> sentAtMillis() {
        return List.copyOf(sentAtMillis);
    }

    @Override
    public void findStranger() {
        inner.findStranger();
    }

    @Override
    public void send(byte[] opusFrame) {
        sentAtMillis.add(System.currentTimeMillis());
        sent.add(opusFrame);
        inner.send(opusFrame);
    }

    @Override
    public void hangUp() {
        inner.hangUp();
    }

    @Override
    public void close() {
        inner.close();
    }
}
