package dev.roadie.mobile.platform;

import dev.roadie.mobile.intents.IncomingIntent;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Android: {@code dev.roadie.mobile.android.IntentActivity} writes each intent it receives to
 * {@code roadie-intents/} in the app's private storage (its {@code getFilesDir()}, which is
 * Attach's private storage) and brings the JavaFX activity forward; this reads them there.
 */
public final class AndroidIncomingIntentsService implements IncomingIntentsService {
    private final IntentSpool spool;
    private SpoolWatcher watcher;

    public AndroidIncomingIntentsService(Path privateStorage) {
        this.spool = new IntentSpool(privateStorage.resolve(IntentSpool.FOLDER));
    }

    @Override
    public synchronized void listen(Consumer<IncomingIntent> listener) {
        close();
        watcher = new SpoolWatcher(spool, listener);
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }
}
