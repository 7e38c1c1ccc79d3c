package dev.roadie.mobile.platform;

import com.gluonhq.attach.storage.StorageService;
import com.gluonhq.attach.util.Platform;
import dev.roadie.mobile.intents.IncomingIntent;
import java.io.File;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The intents handed to the app (a voice search, a share, a {@code roadie://} link), in Gluon
 * Attach's pattern: this API, and one implementation per platform chosen at run time.
 * <ul>
 *   <li>Android: {@code IntentActivity} (in {@code src/android}) receives the intent, writes it
 *       to the app's private storage and brings the app forward;
 *       {@link AndroidIncomingIntentsService} reads it there.</li>
 *   <li>Desktop (tests, {@code gluonfx:run}): {@link DesktopIncomingIntentsService} takes them
 *       from the command line and from {@link DesktopIncomingIntentsService#deliver}.</li>
 * </ul>
 * iOS has none yet: the {@code roadie} URL scheme is declared in its Info.plist, but handing the
 * opened URL to Java needs a native hook that Attach 4.0.18 does not offer (docs/MOBILE.md).
 */
public interface IncomingIntentsService {

    /** This platform's implementation; empty where there is none (iOS). */
    static Optional<IncomingIntentsService> create() {
        if (Platform.isAndroid()) {
            return StorageService.create().flatMap(StorageService::getPrivateStorage).map(File::toPath)
                    .map(AndroidIncomingIntentsService::new);
        }
        if (Platform.isDesktop()) {
            return Optional.of(DesktopIncomingIntentsService.instance());
        }
        return Optional.empty();
    }

    /** For a platform with no implementation (iOS for now): nothing ever arrives. */
    static IncomingIntentsService none() {
        return new IncomingIntentsService() {
            @Override
            public void listen(Consumer<IncomingIntent> listener) {
                // Nothing arrives on this platform: the app is driven from its screens only.
            }

            @Override
            public void close() {
                // Nothing to stop.
            }
        };
    }

    /**
     * Calls {@code listener} with each intent: first those that came before (the one that started
     * the app), then each new one, on a thread of the service's (move to the UI thread to act).
     */
    void listen(Consumer<IncomingIntent> listener);

    /** Stops listening. */
    void close();
}
