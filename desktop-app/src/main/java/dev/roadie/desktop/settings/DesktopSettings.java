package dev.roadie.desktop.settings;

import dev.roadie.companion.pairing.PairedHub;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the settings file holds: the hubs this computer paired with, in the order they were
 * paired, and the one in use. A hub is known by its address: pairing again with the same hub
 * replaces its token rather than adding a second entry.
 *
 * @param hubs    the paired hubs
 * @param current the address of the hub in use; null with no hub
 */
public record DesktopSettings(List<PairedHub> hubs, String current) {
    public static final DesktopSettings EMPTY = new DesktopSettings(List.of(), null);

    public DesktopSettings {
        hubs = hubs == null ? List.of() : List.copyOf(hubs);
        String chosen = current;
        // A current hub that is not in the list (a file edited by hand) falls back to the first one.
        if (chosen == null || hubs.stream().noneMatch(h -> h.hub().equals(chosen))) {
            current = hubs.isEmpty() ? null : hubs.getFirst().hub();
        }
    }

    /** The hub in use, if the app paired with any. */
    public Optional<PairedHub> inUse() {
        return hubs.stream().filter(h -> h.hub().equals(current)).findFirst();
    }

    /** With {@code hub} paired (replacing an earlier pairing with the same address) and in use. */
    public DesktopSettings paired(PairedHub hub) {
        List<PairedHub> list = new ArrayList<>(hubs);
        int at = indexOf(hub.hub());
        if (at >= 0) {
            list.set(at, hub);
        } else {
            list.add(hub);
        }
        return new DesktopSettings(list, hub.hub());
    }

    /** With the hub at {@code address} in use. */
    public DesktopSettings using(String address) {
        if (indexOf(address) < 0) {
            throw new IllegalArgumentException(address + " is not a paired hub");
        }
        return new DesktopSettings(hubs, address);
    }

    /** Without the hub at {@code address}; when it was in use, the first one left is. */
    public DesktopSettings without(String address) {
        List<PairedHub> list = hubs.stream().filter(h -> !h.hub().equals(address)).toList();
        return new DesktopSettings(list, address.equals(current) ? null : current);
    }

    private int indexOf(String address) {
        for (int i = 0; i < hubs.size(); i++) {
            if (hubs.get(i).hub().equals(address)) {
                return i;
            }
        }
        return -1;
    }
}
