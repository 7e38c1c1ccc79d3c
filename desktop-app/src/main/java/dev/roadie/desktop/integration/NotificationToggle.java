package dev.roadie.desktop.integration;

import javafx.beans.property.BooleanProperty;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** The bell in the window's top bar: notifications on track change, on or off. */
final class NotificationToggle extends ToggleButton {

    NotificationToggle(BooleanProperty notify) {
        setId("notifyToggle");
        getStyleClass().addAll("button-icon", "flat");
        setFocusTraversable(false);
        selectedProperty().bindBidirectional(notify);
        Tooltip tip = new Tooltip();
        setTooltip(tip);
        selectedProperty().subscribe(on -> {
            setGraphic(new FontIcon(on ? Material2MZ.NOTIFICATIONS_ACTIVE : Material2MZ.NOTIFICATIONS_OFF));
            tip.setText(on ? "A notification on track change: on (click to turn off)"
                    : "A notification on track change: off (click to turn on)");
        });
    }
}
