package dev.roadie.mobile.platform;

import dev.roadie.mobile.intents.IncomingIntent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands each intent that lands in an {@link IntentSpool} to a listener, on a thread of its own. */
public final class SpoolWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SpoolWatcher.class);

    private final IntentSpool spool;
    private final WatchService watcher;

    public SpoolWatcher(IntentSpool spool, Consumer<IncomingIntent> listener) {
        this.spool = spool;
        try {
            Files.createDirectories(spool.folder());
            watcher = spool.folder().getFileSystem().newWatchService();
            spool.folder().register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot watch " + spool.folder() + " for intents", e);
        }
        Thread.ofPlatform().daemon().name("roadie-intents").start(() -> run(listener));
    }

    private void run(Consumer<IncomingIntent> listener) {
        // What came before the watch started (the intent that launched the app) first.
        spool.drain().forEach(listener);
        try {
            while (true) {
                WatchKey key = watcher.take();
                key.pollEvents();
                spool.drain().forEach(listener);
                if (!key.reset()) {
                    log.warn("{} is gone: no more intents will be read", spool.folder());
                    return;
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // Closed: the app is stopping.
            log.debug("Stopped watching {}", spool.folder());
        }
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            log.warn("Could not stop watching {}", spool.folder(), e);
        }
    }
}
