package dev.roadie.desktop.integration.mpris;

import java.util.List;
import org.freedesktop.dbus.annotations.DBusBoundProperty;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.DBusProperty.Access;
import org.freedesktop.dbus.interfaces.DBusInterface;

/** MPRIS's root interface: who the player is, and raising or quitting it. */
@DBusInterfaceName("org.mpris.MediaPlayer2")
public interface MediaPlayer2 extends DBusInterface {

    void Raise();

    void Quit();

    @DBusBoundProperty(name = "CanQuit", access = Access.READ)
    boolean isCanQuit();

    @DBusBoundProperty(name = "CanRaise", access = Access.READ)
    boolean isCanRaise();

    @DBusBoundProperty(name = "HasTrackList", access = Access.READ)
    boolean isHasTrackList();

    @DBusBoundProperty(name = "Identity", access = Access.READ)
    String getIdentity();

    @DBusBoundProperty(name = "DesktopEntry", access = Access.READ)
    String getDesktopEntry();

    @DBusBoundProperty(name = "SupportedUriSchemes", access = Access.READ)
    List<String> getSupportedUriSchemes();

    @DBusBoundProperty(name = "SupportedMimeTypes", access = Access.READ)
    List<String> getSupportedMimeTypes();
}
