package dev.roadie.desktop.hubs;

import dev.roadie.companion.pairing.PairedHub;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
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

    public HubMenu(HubsViewModel model) {
        this.model = model;
        setId("hubs");
        getStyleClass().addAll("flat", "hub-menu");
        setGraphic(new FontIcon(Material2AL.DNS));
        // A long address is cut rather than pushing the bot picker out of a narrow window.
        setMinWidth(70);
        setMaxWidth(240);
        setTooltip(new Tooltip("The Roadie hub this app is connected to: switch, pair with another, forget"));
        model.hubs().addListener((ListChangeListener<PairedHub>) c -> fill());
        model.inUse().addListener((o, was, now) -> fill());
        fill();
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
        forget.setOnAction(e -> model.forget());
        items.add(another);
        items.add(forget);
        getItems().setAll(items);
    }
}
