package dev.roadie.desktop.integration.notify;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/** The desktop's notification server (the freedesktop Desktop Notifications specification). */
@DBusInterfaceName("org.freedesktop.Notifications")
public interface Notifications extends DBusInterface {
    String BUS_NAME = "org.freedesktop.Notifications";
    String OBJECT_PATH = "/org/freedesktop/Notifications";

    /**
     * Shows a notification, or replaces notification {@code replacesId} (0: none) in place.
     *
     * @param expireTimeout milliseconds; -1 lets the server choose
     * @return the notification's id
     */
    UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body, List<String> actions,
            Map<String, Variant<?>> hints, int expireTimeout);
}
