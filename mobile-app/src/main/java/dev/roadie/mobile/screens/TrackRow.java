package dev.roadie.mobile.screens;

import dev.roadie.companion.remote.Formats;
import dev.roadie.model.music.Track;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** One line of a list: artwork, title over artist and album, and the row's buttons at the right. */
final class TrackRow extends HBox {
    private final Artwork artwork = new Artwork(48, 10);
    private final Label title = new Label();
    private final Label byline = new Label();

    TrackRow(Node... buttons) {
        getStyleClass().add("track-row");
        setAlignment(Pos.CENTER_LEFT);
        title.getStyleClass().add("row-title");
        byline.getStyleClass().add("row-byline");
        VBox text = new VBox(title, byline);
        text.getStyleClass().add("row-text");
        text.setMinWidth(0);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        getChildren().addAll(artwork, text);
        getChildren().addAll(buttons);
    }

    void show(Track track) {
        artwork.show(track);
        title.setText(track.title());
        String length = Formats.length(track.durationMs());
        String by = Formats.byline(track);
        byline.setText(by.isEmpty() ? length : length.isEmpty() ? by : by + " · " + length);
    }
}
