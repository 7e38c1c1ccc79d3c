package dev.roadie.desktop.main;

import dev.roadie.companion.remote.Formats;

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
    private static final double ROOM_FOR_SOURCE = 460;
    private final Artwork artwork = new Artwork(40);
    private final Label title = new Label();
    private final Label byline = new Label();
    private final Label source = new Label();
    private final Label length = new Label();
    private final HBox row;

    TrackCell(boolean showSource, Function<TrackCell, Node> extras) {
        title.getStyleClass().add("text-bold");
        byline.getStyleClass().addAll("text-muted", "text-small");
        source.getStyleClass().addAll("source-badge", "text-small");
        length.getStyleClass().addAll("text-muted", "length");
        VBox text = new VBox(2, title, byline);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        row = new HBox(12, artwork, text, source, length);
        source.setManaged(showSource);
        source.setVisible(showSource);
        // In a narrow list the title matters more than where the track was found.
        widthProperty().addListener((o, was, now) -> {
            boolean room = showSource && now.doubleValue() >= ROOM_FOR_SOURCE;
            source.setManaged(room);
            source.setVisible(room);
        });
        source.setMinWidth(Region.USE_PREF_SIZE);
        length.setMinWidth(Region.USE_PREF_SIZE);
        if (extras != null) {
            row.getChildren().add(extras.apply(this));
        }
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(4, 8, 4, 4));
        setText(null);
        // The list's width decides the row's, never the other way round: long titles are cut with
        // an ellipsis instead of adding a horizontal scroll bar.
        setPrefWidth(0);
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
        length.setText(Formats.length(track.durationMs()));
        setGraphic(row);
    }
}
