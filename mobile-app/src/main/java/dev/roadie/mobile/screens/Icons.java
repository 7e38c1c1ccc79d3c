package dev.roadie.mobile.screens;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Round icon buttons, sized for a thumb (48 px and up, as Android's touch targets). */
final class Icons {
    private Icons() {
    }

    static Button button(String id, Ikon icon, String what, String... styles) {
        Button button = new Button(null, new FontIcon(icon));
        button.setId(id);
        button.setAccessibleText(what);
        button.setTooltip(new Tooltip(what));
        button.getStyleClass().addAll("icon-button");
        button.getStyleClass().addAll(styles);
        button.setFocusTraversable(false);
        return button;
    }

    static void set(Button button, Ikon icon) {
        ((FontIcon) button.getGraphic()).setIconCode(icon);
    }
}
