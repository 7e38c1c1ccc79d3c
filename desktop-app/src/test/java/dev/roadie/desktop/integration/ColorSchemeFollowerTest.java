package dev.roadie.desktop.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.desktop.integration.theme.ColorSchemeFollower;
import dev.roadie.desktop.integration.theme.PortalSettings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Light and dark following the desktop portal's colour scheme, offered by the test on a real session bus. */
class ColorSchemeFollowerTest {
    @TempDir
    Path folder;
    TestBus bus;
    DBusConnection desktop;
    final BlockingQueue<Boolean> applied = new LinkedBlockingQueue<>();

    /** The portal as xdg-desktop-portal offers it; {@code oldStyle} answers only the first version's Read. */
    static final class Portal implements PortalSettings {
        volatile int scheme;
        final boolean oldStyle;

        Portal(int scheme, boolean oldStyle) {
            this.scheme = scheme;
            this.oldStyle = oldStyle;
        }

        @Override
        public Variant<?> ReadOne(String namespace, String key) {
            if (oldStyle) {
                throw new DBusExecutionException("No such method ReadOne");
            }
            return new Variant<>(new UInt32(scheme));
        }

        @Override
        public Variant<?> Read(String namespace, String key) {
            return new Variant<>(new Variant<>(new UInt32(scheme)), "v");
        }

        @Override
        public String getObjectPath() {
            return OBJECT_PATH;
        }
    }

    @BeforeEach
    void start() {
        bus = new TestBus(folder.resolve("bus"));
        desktop = bus.connect();
    }

    @AfterEach
    void stop() {
        bus.close();
    }

    void offer(Portal portal) throws Exception {
        desktop.requestBusName(PortalSettings.BUS_NAME);
        desktop.exportObject(PortalSettings.OBJECT_PATH, portal);
    }

    void change(int scheme) throws Exception {
        desktop.sendMessage(new PortalSettings.SettingChanged(PortalSettings.OBJECT_PATH, PortalSettings.APPEARANCE,
                PortalSettings.COLOR_SCHEME, new Variant<>(new UInt32(scheme))));
    }

    Boolean next() throws InterruptedException {
        return applied.poll(10, TimeUnit.SECONDS);
    }

    @Test
    void the_desktops_dark_is_applied_at_start_and_its_changes_while_running() throws Exception {
        offer(new Portal(1, false));

        Optional<ColorSchemeFollower> follower = ColorSchemeFollower.follow(bus.connect(), Runnable::run, applied::add);

        assertThat(follower).isPresent();
        assertThat(next()).isTrue();
        change(2);
        assertThat(next()).isFalse();
        change(1);
        assertThat(next()).isTrue();
        change(0);
        assertThat(next()).as("no preference is light").isFalse();
        follower.get().close();
    }

    @Test
    void an_older_portal_is_read_too_and_no_preference_at_start_leaves_the_theme() throws Exception {
        offer(new Portal(0, true));

        Optional<ColorSchemeFollower> follower = ColorSchemeFollower.follow(bus.connect(), Runnable::run, applied::add);

        assertThat(follower).isPresent();
        change(1);
        assertThat(next()).as("the first change, nothing before it").isTrue();
    }

    @Test
    void without_a_portal_the_theme_chosen_at_start_stays() {
        assertThat(ColorSchemeFollower.follow(bus.connect(), Runnable::run, applied::add)).isEmpty();
        assertThat(applied).isEmpty();
    }
}
