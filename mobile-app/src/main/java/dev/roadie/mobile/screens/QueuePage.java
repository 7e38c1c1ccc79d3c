package dev.roadie.mobile.screens;

import dev.roadie.companion.remote.PlayerViewModel;
import dev.roadie.model.music.Track;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * What plays next. Each row moves up or down or goes with a tap (dragging on a touch screen
 * fights the scrolling, so the buttons are the reliable way).
 */
final class QueuePage extends VBox {

    QueuePage(PlayerViewModel player) {
        getStyleClass().add("page");
        Label heading = new Label("Up next");
        heading.getStyleClass().add("page-title");
        Label count = new Label();
        count.setId("queueCount");
        count.getStyleClass().add("page-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> switch (player.queue().size()) {
            case 0 -> "";
            case 1 -> "1 track";
            default -> player.queue().size() + " tracks";
        }, player.queue()));
        Button clear = new Button("Clear", new org.kordamp.ikonli.javafx.FontIcon(Material2AL.CLEAR_ALL));
        clear.setId("clearQueue");
        clear.getStyleClass().addAll("flat", "clear");
        clear.disableProperty().bind(Bindings.isEmpty(player.queue()));
        clear.setOnAction(e -> player.clear());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(heading, count, gap, clear);
        header.getStyleClass().add("page-header");
        header.setAlignment(Pos.BASELINE_LEFT);

        ListView<Track> queue = new ListView<>(player.queue());
        queue.setId("queue");
        queue.getStyleClass().add("track-list");
        Label empty = new Label("The queue is empty.\nAdd from Search, or share a link to Roadie.");
        empty.getStyleClass().add("placeholder");
        queue.setPlaceholder(empty);
        queue.setCellFactory(list -> new QueueCell(player));
        VBox.setVgrow(queue, Priority.ALWAYS);
        getChildren().addAll(header, queue);
    }

    private static final class QueueCell extends ListCell<Track> {
        private final Button up = Icons.button("up", Material2AL.KEYBOARD_ARROW_UP, "Move up", "row-button");
        private final Button down = Icons.button("down", Material2AL.KEYBOARD_ARROW_DOWN, "Move down", "row-button");
        private final Button remove = Icons.button("remove", Material2AL.CLOSE, "Remove", "row-button");
        private final TrackRow row = new TrackRow(up, down, remove);

        QueueCell(PlayerViewModel player) {
            // The row fits the list's width: a long title is cut, the buttons stay on screen.
            setPrefWidth(0);
            up.setOnAction(e -> player.move(getIndex(), getIndex() - 1));
            down.setOnAction(e -> player.move(getIndex(), getIndex() + 1));
            remove.setOnAction(e -> player.remove(getIndex()));
            setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !isEmpty()) {
                    player.playNow(getIndex());
                }
            });
        }

        @Override
        protected void updateItem(Track track, boolean empty) {
            super.updateItem(track, empty);
            setText(null);
            if (empty || track == null) {
                setGraphic(null);
                return;
            }
            row.show(track);
            up.setDisable(getIndex() == 0);
            down.setDisable(getListView() == null || getIndex() >= getListView().getItems().size() - 1);
            setGraphic(row);
        }
    }
}
