package dev.roadie.desktop.main;

import dev.roadie.model.music.Track;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A track in a list: artwork, title, artist and album, where it is from, its length, and extra controls. */
final class TrackCell extends ListCell<Track> {
    private final Artwork artwork = new Artwork(40);
    private final Label title = new Label();
    private final Label byline = new Label();
    private final Label source = new Label();
    private final Label length = new Label();
    private final HBox row;

    TrackCell(Function<TrackCell, Node> extras) {
        title.getStyleClass().add("text-bold");
        byline.getStyleClass().addAll("text-muted", "text-small");
        source.getStyleClass().addAll("source-badge", "text-small");
        length.getStyleClass().addAll("text-muted", "length");
        VBox text = new VBox(2, title, byline);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        Region gap = new Region();
        row = new HBox(12, artwork, text, source, length);
        if (extras != null) {
            row.getChildren().add(extras.apply(this));
        }
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(4, 8, 4, 4));
        gap.setMinWidth(0);
        setText(null);
    }

    @Override
    protected void updateItem(Track track, boolean empty) {
        super.updateItem(track, empty);
        if (empty || track == null) {
            setGraphic(null);
            return;
        }
        artwork.show(track);
        title.setText(track.title());
        byline.setText(Formats.byline(track));
        source.setText(track.source() == null ? "" : track.source());
        source.setVisible(track.source() != null);
        length.setText(Formats.length(track.durationMs()));
        setGraphic(row);
    }
}
