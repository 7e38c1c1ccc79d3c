package dev.roadie.desktop.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.desktop.integration.tray.TrayControls;
import java.awt.GraphicsEnvironment;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.junit.jupiter.api.Test;

/**
 * Without a tray host there is no icon, and the app goes on; the icon itself is checked in a
 * real X display with a tray host by {@code DesktopIntegrationIT}.
 */
class TrayControlsTest {

    @Test
    void without_a_tray_there_is_no_icon_and_nothing_fails() {
        assertThat(GraphicsEnvironment.isHeadless()).as("the unit tests run headless (the module's pom)").isTrue();

        var installed = TrayControls.install(Runnable::run, new TrayControls.Window() {
            private final SimpleBooleanProperty showing = new SimpleBooleanProperty(true);

            @Override
            public ObservableBooleanValue showing() {
                return showing;
            }

            @Override
            public void show() {
                showing.set(true);
            }

            @Override
            public void hide() {
                showing.set(false);
            }

            @Override
            public void quit() {
            }
        });

        assertThat(installed).isEmpty();
    }
}
