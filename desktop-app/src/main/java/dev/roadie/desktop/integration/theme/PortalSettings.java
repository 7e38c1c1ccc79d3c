package dev.roadie.desktop.integration.theme;

import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.Variant;

/** The XDG desktop portal's settings, where desktops publish the colour scheme. */
@DBusInterfaceName("org.freedesktop.portal.Settings")
public interface PortalSettings extends DBusInterface {
    String BUS_NAME = "org.freedesktop.portal.Desktop";
    String OBJECT_PATH = "/org/freedesktop/portal/desktop";
    String APPEARANCE = "org.freedesktop.appearance";
    String COLOR_SCHEME = "color-scheme";

    /** One setting (version 2 of the interface). */
    Variant<?> ReadOne(String namespace, String key);

    /** One setting, wrapped in one more variant (version 1, kept by older portals). */
    Variant<?> Read(String namespace, String key);

    /** Sent when a setting changes. */
    class SettingChanged extends DBusSignal {
        private final String namespace;
        private final String key;
        private final Variant<?> value;

        public SettingChanged(String path, String namespace, String key, Variant<?> value) throws DBusException {
            super(path, namespace, key, value);
            this.namespace = namespace;
            this.key = key;
            this.value = value;
        }

        public String getNamespace() {
            return namespace;
        }

        public String getKey() {
            return key;
        }

        public Variant<?> getValue() {
            return value;
        }
    }
}
