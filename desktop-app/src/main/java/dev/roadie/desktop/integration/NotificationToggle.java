package dev.roadie.desktop.integration;

import javafx.beans.property.BooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The bell in the window's top bar: notifications on track change, on or off. A flat button
 * whose bell says the state (a filled toggle would outshout the connection beside it).
 */
final class NotificationToggle extends Button {

    NotificationToggle(BooleanProperty notify) {
        setId("notifyToggle");
        getStyleClass().addAll("button-icon", "flat");
        setFocusTraversable(false);
        setOnAction(e -> notify.set(!notify.get()));
        Tooltip tip = new Tooltip();
        setTooltip(tip);
        notify.subscribe(on -> {
            setGraphic(new FontIcon(on ? Material2MZ.NOTIFICATIONS_ACTIVE : Material2MZ.NOTIFICATIONS_OFF));
            tip.setText(on ? "A notification on track change: on (click to turn off)"
                    : "A notification on track change: off (click to turn on)");
        });
    }
}
