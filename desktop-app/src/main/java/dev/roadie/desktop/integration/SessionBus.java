package dev.roadie.desktop.integration;

import java.util.Optional;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The desktop's session D-Bus, where MPRIS, notifications and the colour scheme live. */
public final class SessionBus {
    private static final Logger log = LoggerFactory.getLogger(SessionBus.class);

    private SessionBus() {
    }

    /**
     * Connects to the bus at {@code address} (the session's {@code DBUS_SESSION_BUS_ADDRESS}),
     * or says in one line why not: the app then runs without what the bus gives.
     */
    public static Optional<DBusConnection> connect(String address) {
        if (address == null || address.isBlank()) {
            log.info("No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set): no media keys (MPRIS), "
                    + "notifications or following the system's light and dark");
            return Optional.empty();
        }
        try {
            return Optional.of(DBusConnectionBuilder.forAddress(address).withShared(false).build());
        } catch (DBusException | RuntimeException e) {
            log.warn("Cannot use the D-Bus session bus at {} ({}): no media keys (MPRIS), notifications or following "
                    + "the system's light and dark", address, e.getMessage());
            return Optional.empty();
        }
    }
}
