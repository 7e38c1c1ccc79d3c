package dev.roadie.desktop.hubs;

import dev.roadie.companion.pairing.PairedHub;
import dev.roadie.desktop.settings.DesktopSettings;
import dev.roadie.desktop.settings.SettingsStore;
import java.net.URI;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hubs this computer paired with and the one in use: which screen shows (the main window
 * of the hub in use, or pairing), switching, pairing with another hub and forgetting one. Every
 * change is saved at once, so that the next start opens the same hub.
 */
public final class HubsViewModel {
    private static final Logger log = LoggerFactory.getLogger(HubsViewModel.class);

    /** What the app shows; the app's implementation opens and closes the hub connections. */
    public interface Screens {
        /** The main window connected to {@code hub} (closing the connection to the one shown before). */
        void main(PairedHub hub);

        /**
         * The pairing screen, with {@code address} filled in (null for the default); {@code back}
         * returns to the hub in use, null when there is none to return to.
         */
        void pairing(String address, Runnable back);
    }

    private final SettingsStore store;
    private final Screens screens;
    private final ObservableList<PairedHub> hubs = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<PairedHub> inUse = new ReadOnlyObjectWrapper<>();
    private DesktopSettings settings = DesktopSettings.EMPTY;

    public HubsViewModel(SettingsStore store, Screens screens) {
        this.store = store;
        this.screens = screens;
    }

    /** Reads the settings and shows the hub in use, or pairing on first run. */
    public void start() {
        DesktopSettings saved;
        try {
            saved = store.load();
        } catch (IllegalStateException e) {
            // An unreadable file: pairing writes a good one over it.
            log.warn("{}: starting as on first run", e.getMessage());
            saved = DesktopSettings.EMPTY;
        }
        take(saved);
        show();
    }

    /** Switches to {@code hub}, one of {@link #hubs()}; nothing happens when it is already in use. */
    public void use(PairedHub hub) {
        if (hub == null || hub.equals(inUse.get())) {
            return;
        }
        log.info("Switching to the hub at {}", hub.hub());
        change(settings.using(hub.hub()));
        screens.main(hub);
    }

    /** The pairing screen for one more hub; the hub in use stays until the new one is approved. */
    public void pairAnother() {
        screens.pairing(null, backToInUse());
    }

    /** A pairing approved: the hub joins the list (or replaces its older pairing) and is used. */
    public void paired(PairedHub hub) {
        log.info("Paired with {}; settings saved in {}", hub.hub(), store.file());
        change(settings.paired(hub));
        screens.main(hub);
    }

    /** Forgets the hub in use and its token; the next paired hub is used, or pairing shows. */
    public void forget() {
        PairedHub gone = inUse.get();
        if (gone == null) {
            return;
        }
        log.info("Forgetting the hub at {}", gone.hub());
        change(settings.without(gone.hub()));
        show();
    }

    /**
     * The hub refused this device's token: forgets it and shows pairing for the same address,
     * with a way back to another paired hub if there is one.
     */
    public void pairAgain() {
        PairedHub refused = inUse.get();
        if (refused == null) {
            return;
        }
        change(settings.without(refused.hub()));
        screens.pairing(refused.hub(), backToInUse());
    }

    private Runnable backToInUse() {
        PairedHub current = inUse.get();
        return current == null ? null : () -> screens.main(current);
    }

    private void show() {
        settings.inUse().ifPresentOrElse(screens::main, () -> screens.pairing(null, null));
    }

    private void change(DesktopSettings next) {
        store.save(next);
        take(next);
    }

    private void take(DesktopSettings next) {
        settings = next;
        hubs.setAll(next.hubs());
        inUse.set(next.inUse().orElse(null));
    }

    /** The paired hubs, in the order they were paired. */
    public ObservableList<PairedHub> hubs() {
        return hubs;
    }

    /** The hub in use; null when none is paired. */
    public ReadOnlyObjectProperty<PairedHub> inUse() {
        return inUse.getReadOnlyProperty();
    }

    /** A hub as a person recognises it: its host and port ({@code hub.example.org:7070}). */
    public static String label(PairedHub hub) {
        URI address = URI.create(hub.hub());
        return address.getHost() == null ? hub.hub()
                : address.getHost() + (address.getPort() < 0 ? "" : ":" + address.getPort())
                        + ("https".equals(address.getScheme()) ? " (https)" : "");
    }
}
