package dev.roadie.mobile;

import atlantafx.base.theme.CupertinoDark;
import atlantafx.base.theme.CupertinoLight;
import java.util.Locale;
import java.util.Map;
import javafx.application.Application;

/**
 * AtlantaFX's Cupertino themes, which read as a phone's; light or dark from {@code ROADIE_THEME}
 * ({@code light} by default: JavaFX 21 cannot ask the phone, that came in JavaFX 22).
 */
public final class Theme {
    private Theme() {
    }

    public static boolean dark(Map<String, String> env) {
        return env.getOrDefault("ROADIE_THEME", "").toLowerCase(Locale.ROOT).equals("dark");
    }

    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new CupertinoDark().getUserAgentStylesheet()
                : new CupertinoLight().getUserAgentStylesheet());
    }

    /** The app's own rules on top of the theme. */
    public static String stylesheet() {
        return Theme.class.getResource("phone.css").toExternalForm();
    }
}
