package dev.roadie.mobile;

import javafx.application.Application;

/**
 * The main class. JavaFX refuses to start an {@code Application} subclass named as the main class
 * from the class path ("JavaFX runtime components are missing"), so this plain class starts it.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(PhoneApp.class, args);
    }
}
