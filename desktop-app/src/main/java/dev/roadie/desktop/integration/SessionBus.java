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
     * The first of the address's alternatives ({@code ;}-separated) at a socket path: Java's own
     * Unix sockets cannot reach the abstract ones ({@code unix:abstract=}) some older desktops use.
     */
    static Optional<String> socketPath(String address) {
        for (String alternative : address.split(";")) {
            if (alternative.strip().startsWith("unix:path=")) {
                return Optional.of(alternative.strip());
            }
        }
        return Optional.empty();
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
        Optional<String> socket = socketPath(address);
        if (socket.isEmpty()) {
            log.warn("The D-Bus session bus at {} has no socket path (unix:path=...), and abstract sockets are not "
                    + "supported: no media keys (MPRIS), notifications or following the system's light and dark",
                    address);
            return Optional.empty();
        }
        try {
            return Optional.of(DBusConnectionBuilder.forAddress(socket.get()).withShared(false).build());
        } catch (DBusException | RuntimeException e) {
            log.warn("Cannot use the D-Bus session bus at {} ({}): no media keys (MPRIS), notifications or following "
                    + "the system's light and dark", address, e.getMessage());
            return Optional.empty();
        }
    }
}
