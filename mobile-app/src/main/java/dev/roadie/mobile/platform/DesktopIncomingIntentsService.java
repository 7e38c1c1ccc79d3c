package dev.roadie.mobile.platform;

import dev.roadie.mobile.intents.IncomingIntent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The desktop (tests, {@code gluonfx:run}): intents come from the command line
 * ({@code --link=roadie://...}, {@code --share=TEXT}, {@code --voice=WORDS}, see
 * {@link #deliver(List)}) or from a test calling {@link #deliver(IncomingIntent)}, as Android
 * would hand them over. Those that come before a listener wait for it.
 */
public final class DesktopIncomingIntentsService implements IncomingIntentsService {
    private static final DesktopIncomingIntentsService INSTANCE = new DesktopIncomingIntentsService();

    private final List<IncomingIntent> waiting = new ArrayList<>();
    private Consumer<IncomingIntent> listener;

    /** Public for tests that want one of their own. */
    public DesktopIncomingIntentsService() {
    }

    public static DesktopIncomingIntentsService instance() {
        return INSTANCE;
    }

    /** Hands {@code intent} to the app, as Android hands it to the activity. */
    public void deliver(IncomingIntent intent) {
        Consumer<IncomingIntent> to;
        synchronized (this) {
            if (listener == null) {
                waiting.add(intent);
                return;
            }
            to = listener;
        }
        to.accept(intent);
    }

    /** The app's arguments: {@code --link=URI}, {@code --share=TEXT}, {@code --voice=WORDS}; others are ignored. */
    public void deliver(List<String> arguments) {
        for (String argument : arguments) {
            int eq = argument.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String value = argument.substring(eq + 1);
            switch (argument.substring(0, eq)) {
                case "--link" -> deliver(IncomingIntent.view(value));
                case "--share" -> deliver(IncomingIntent.share(value));
                case "--voice" -> deliver(IncomingIntent.mediaSearch(value));
                default -> { }
            }
        }
    }

    @Override
    public void listen(Consumer<IncomingIntent> listener) {
        List<IncomingIntent> before;
        synchronized (this) {
            this.listener = listener;
            before = List.copyOf(waiting);
            waiting.clear();
        }
        before.forEach(listener);
    }

    @Override
    public synchronized void close() {
        listener = null;
    }
}
