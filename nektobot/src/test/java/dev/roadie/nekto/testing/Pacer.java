package dev.roadie.nekto.testing;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Hands a frame from {@code frames} to {@code sink} every 20 ms, as a live source would, until closed or dry. */
public final class Pacer implements AutoCloseable {

    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();

    public Pacer(Supplier<byte[]> frames, Consumer<byte[]> sink) {
        clock.scheduleAtFixedRate(() -> {
            byte[] frame = frames.get();
            if (frame != null) {
                sink.accept(frame);
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
