package dev.roadie.desktop;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Application;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Light or dark, following the system: {@code ROADIE_THEME} ({@code light}, {@code dark}) when
 * set, else a dark GTK theme ({@code GTK_THEME=...:dark}), else GNOME's colour scheme; then, while
 * running, the desktop portal's colour scheme ({@link #follower}, through the desktop
 * integration). JavaFX 21 cannot ask the platform (that came in JavaFX 22).
 */
final class Theme {
    private static final Logger log = LoggerFactory.getLogger(Theme.class);

    private Theme() {
    }

    static boolean dark(Map<String, String> env) {
        String chosen = env.getOrDefault("ROADIE_THEME", "").toLowerCase(Locale.ROOT);
        if (chosen.equals("dark") || chosen.equals("light")) {
            return chosen.equals("dark");
        }
        if (env.getOrDefault("GTK_THEME", "").toLowerCase(Locale.ROOT).endsWith(":dark")) {
            return true;
        }
        return gnomePrefersDark();
    }

    private static boolean gnomePrefersDark() {
        try {
            Process gsettings = new ProcessBuilder("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")
                    .redirectErrorStream(true).start();
            if (!gsettings.waitFor(1, TimeUnit.SECONDS)) {
                gsettings.destroy();
                return false;
            }
            return new String(gsettings.getInputStream().readAllBytes(), StandardCharsets.UTF_8).contains("dark");
        } catch (IOException e) {
            log.debug("No gsettings to ask for the colour scheme: light", e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * What follows the desktop's changes of light and dark while the app runs (the portal's
     * colour scheme): nothing when {@code ROADIE_THEME} chose one.
     */
    static Consumer<Boolean> follower(Map<String, String> env) {
        String chosen = env.getOrDefault("ROADIE_THEME", "").toLowerCase(Locale.ROOT);
        if (chosen.equals("dark") || chosen.equals("light")) {
            return dark -> { };
        }
        return Theme::apply;
    }

    static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** The app's own rules on top of the theme. */
    static String stylesheet() {
        return Theme.class.getResource("roadie.css").toExternalForm();
    }
}
