package dev.roadie.desktop.hubs;

import dev.roadie.companion.pairing.PairedHub;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The hub picker in the main window's top bar: the hub in use as its title, every paired hub to
 * switch to, pairing with another, and forgetting the one in use.
 */
public final class HubMenu extends MenuButton {
    private final HubsViewModel model;
    private final ListChangeListener<PairedHub> onHubs = c -> fill();
    private final ChangeListener<PairedHub> onInUse = (o, was, now) -> fill();

    public HubMenu(HubsViewModel model) {
        this.model = model;
        setId("hubs");
        getStyleClass().addAll("flat", "hub-menu");
        setGraphic(new FontIcon(Material2AL.DNS));
        // A long address is cut rather than pushing the bot picker out of a narrow window.
        setMinWidth(70);
        setMaxWidth(240);
        setTooltip(new Tooltip("The Roadie hub this app is connected to: switch, pair with another, forget"));
        // Weak: the model outlives each main window (a switch builds a new one), and must not keep
        // the windows it no longer shows alive through their menus.
        model.hubs().addListener(new WeakListChangeListener<>(onHubs));
        model.inUse().addListener(new WeakChangeListener<>(onInUse));
        fill();
    }

    /** Forgetting throws the token away: using the hub again takes its owner's approval, so ask first. */
    private boolean confirmForget(PairedHub hub) {
        ButtonType forget = new ButtonType("Forget", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "This computer forgets the hub and its token. To use it "
                + "again, pair with it again and have its owner approve the new code.", forget, ButtonType.CANCEL);
        alert.setTitle("Forget this hub");
        alert.setHeaderText("Forget " + HubsViewModel.label(hub) + "?");
        alert.getDialogPane().setId("forgetDialog");
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
            alert.getDialogPane().getStylesheets().addAll(getScene().getStylesheets());
        }
        return alert.showAndWait().filter(forget::equals).isPresent();
    }

    private void fill() {
        PairedHub inUse = model.inUse().get();
        setText(inUse == null ? "No hub" : HubsViewModel.label(inUse));
        ToggleGroup group = new ToggleGroup();
        List<MenuItem> items = new ArrayList<>();
        for (PairedHub hub : model.hubs()) {
            RadioMenuItem item = new RadioMenuItem(HubsViewModel.label(hub));
            item.setToggleGroup(group);
            item.setSelected(hub.equals(inUse));
            item.setOnAction(e -> model.use(hub));
            items.add(item);
        }
        items.add(new SeparatorMenuItem());
        MenuItem another = new MenuItem("Pair with another hub…", new FontIcon(Material2AL.ADD_CIRCLE_OUTLINE));
        another.setId("pairAnother");
        another.setOnAction(e -> model.pairAnother());
        MenuItem forget = new MenuItem("Forget this hub", new FontIcon(Material2AL.DELETE_OUTLINE));
        forget.setId("forgetHub");
        forget.setDisable(inUse == null);
        forget.setOnAction(e -> {
            if (confirmForget(inUse)) {
                model.forget();
            }
        });
        items.add(another);
        items.add(forget);
        getItems().setAll(items);
    }
}
