package dev.roadie.desktop.integration.mpris;

import java.util.Map;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.annotations.DBusBoundProperty;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.DBusProperty.Access;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.Variant;

/**
 * MPRIS's player interface (positions in microseconds, volume 1.0 as the track is), as
 * media keys, {@code playerctl} and the shell's now-playing use it.
 */
@DBusInterfaceName("org.mpris.MediaPlayer2.Player")
public interface MediaPlayer2Player extends DBusInterface {

    void Next();

    void Previous();

    void Pause();

    void PlayPause();

    void Stop();

    void Play();

    /** Moves by {@code offset} microseconds, backwards when negative. */
    void Seek(long offset);

    /** Jumps to {@code position} microseconds, when {@code trackId} is still the track that plays. */
    void SetPosition(DBusPath trackId, long position);

    void OpenUri(String uri);

    @DBusBoundProperty(name = "PlaybackStatus", access = Access.READ)
    String getPlaybackStatus();

    @DBusBoundProperty(name = "LoopStatus", access = Access.READ)
    String getLoopStatus();

    @DBusBoundProperty(name = "LoopStatus", access = Access.WRITE)
    void setLoopStatus(String status);

    @DBusBoundProperty(name = "Rate", access = Access.READ)
    double getRate();

    @DBusBoundProperty(name = "Rate", access = Access.WRITE)
    void setRate(double rate);

    @DBusBoundProperty(name = "Metadata", access = Access.READ)
    Map<String, Variant<?>> getMetadata();

    @DBusBoundProperty(name = "Volume", access = Access.READ)
    double getVolume();

    @DBusBoundProperty(name = "Volume", access = Access.WRITE)
    void setVolume(double volume);

    @DBusBoundProperty(name = "Position", access = Access.READ)
    long getPosition();

    @DBusBoundProperty(name = "MinimumRate", access = Access.READ)
    double getMinimumRate();

    @DBusBoundProperty(name = "MaximumRate", access = Access.READ)
    double getMaximumRate();

    @DBusBoundProperty(name = "CanGoNext", access = Access.READ)
    boolean isCanGoNext();

    @DBusBoundProperty(name = "CanGoPrevious", access = Access.READ)
    boolean isCanGoPrevious();

    @DBusBoundProperty(name = "CanPlay", access = Access.READ)
    boolean isCanPlay();

    @DBusBoundProperty(name = "CanPause", access = Access.READ)
    boolean isCanPause();

    @DBusBoundProperty(name = "CanSeek", access = Access.READ)
    boolean isCanSeek();

    @DBusBoundProperty(name = "CanControl", access = Access.READ)
    boolean isCanControl();

    /** Sent when the position jumped (a seek, here or on another companion), in microseconds. */
    class Seeked extends DBusSignal {
        private final long position;

        public Seeked(String path, long position) throws DBusException {
            super(path, position);
            this.position = position;
        }

        public long getPosition() {
            return position;
        }
    }
}
