package dev.roadie.mobile.screens;

import dev.roadie.companion.remote.SearchViewModel;
import dev.roadie.model.music.QueuePosition;
import dev.roadie.model.music.Track;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Search as you type, or paste a link; a tap queues a result, the other button plays it next. */
final class SearchPage extends VBox {

    SearchPage(SearchViewModel search) {
        getStyleClass().add("page");
        TextField field = new TextField();
        field.setId("search");
        field.setPromptText("Songs, artists, or a link");
        field.getStyleClass().add("search-field");
        field.textProperty().bindBidirectional(search.query());
        PauseTransition typing = new PauseTransition(Duration.millis(300));
        typing.setOnFinished(e -> search.search());
        field.textProperty().addListener((o, was, now) -> {
            // Only the user's typing: a search the app starts (a share of words) runs at once.
            if (field.isFocused()) {
                typing.playFromStart();
            }
        });
        field.setOnAction(e -> {
            typing.stop();
            search.search();
        });
        FontIcon glass = new FontIcon(Material2MZ.SEARCH);
        glass.getStyleClass().add("search-glass");
        StackPane box = new StackPane(field, glass);
        StackPane.setAlignment(glass, Pos.CENTER_LEFT);
        box.getStyleClass().add("search-box");

        Label status = new Label();
        status.setId("searchStatus");
        status.getStyleClass().add("search-status");
        status.textProperty().bind(search.status());
        status.setWrapText(true);
        search.failed().addListener((o, was, now) -> {
            status.getStyleClass().remove("danger");
            if (now) {
                status.getStyleClass().add("danger");
            }
        });

        ListView<Track> results = new ListView<>(search.results());
        results.setId("results");
        results.getStyleClass().add("track-list");
        Label empty = new Label("Find a song on every music service the hub searches.");
        empty.getStyleClass().add("placeholder");
        results.setPlaceholder(empty);
        results.setCellFactory(list -> new ResultCell(search));
        VBox.setVgrow(results, Priority.ALWAYS);
        getChildren().addAll(box, status, results);
    }

    private static final class ResultCell extends ListCell<Track> {
        private final Button next = Icons.button("playNext", Material2MZ.PLAYLIST_PLAY, "Play next", "row-button");
        private final Button add = Icons.button("add", Material2AL.ADD, "Add to the queue", "row-button", "accent-button");
        private final TrackRow row = new TrackRow(next, add);

        ResultCell(SearchViewModel search) {
            // The row fits the list's width: a long title is cut, the buttons stay on screen.
            setPrefWidth(0);
            next.setOnAction(e -> search.queue(getItem(), QueuePosition.NEXT));
            add.setOnAction(e -> search.queue(getItem(), QueuePosition.END));
            HBox.setHgrow(row, Priority.ALWAYS);
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
            setGraphic(row);
        }
    }
}
