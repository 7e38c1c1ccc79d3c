package dev.roadie.desktop.main;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The keys of the main window, opened with F1 or ?; the same table as docs/DESKTOP.md's. */
final class ShortcutsSheet {
    private static final List<List<String>> KEYS = List.of(
            List.of("Ctrl+L", "Search"),
            List.of("Enter", "Add the first result, or the chosen one, to the queue"),
            List.of("Shift+Enter", "Play it next"),
            List.of("Down, Up", "Choose a result or a queue entry"),
            List.of("Enter (queue)", "Play the chosen entry now"),
            List.of("Delete", "Remove the chosen entry"),
            List.of("Alt+Up, Alt+Down", "Move the chosen entry"),
            List.of("Space", "Pause or resume"),
            List.of("F1, ?", "This sheet"));

    private ShortcutsSheet() {
    }

    static void show(Window owner) {
        GridPane grid = new GridPane();
        grid.setId("shortcuts");
        grid.setHgap(24);
        grid.setVgap(8);
        grid.setPadding(new Insets(8, 4, 8, 4));
        for (int row = 0; row < KEYS.size(); row++) {
            Label keys = new Label(KEYS.get(row).get(0));
            keys.getStyleClass().addAll("text-bold", "key");
            grid.addRow(row, keys, new Label(KEYS.get(row).get(1)));
        }
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Keyboard shortcuts");
        dialog.setHeaderText("Keyboard shortcuts");
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
    }
}
