package dev.roadie.mobile.screens;

import dev.roadie.model.music.Track;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;

/**
 * A track's picture: a coloured tile with the title's first letter at once, covered by the
 * artwork when it has loaded (pictures load in the background, and on a phone may never come).
 */
final class Artwork extends StackPane {
    private final double size;
    private final Rectangle tile;
    private final Label letter = new Label();
    private final ImageView image = new ImageView();
    private String shown = "";

    Artwork(double size, double corner) {
        this.size = size;
        tile = new Rectangle(size, size);
        tile.setArcWidth(corner);
        tile.setArcHeight(corner);
        letter.setStyle("-fx-text-fill: white; -fx-font-weight: bold; -fx-font-size: " + Math.round(size * 0.4) + "px;");
        image.setFitWidth(size);
        image.setFitHeight(size);
        Rectangle clip = new Rectangle(size, size);
        clip.setArcWidth(corner);
        clip.setArcHeight(corner);
        image.setClip(clip);
        setMinSize(size, size);
        setMaxSize(size, size);
        setAlignment(Pos.CENTER);
        getChildren().addAll(tile, letter, image);
        getStyleClass().add("artwork");
        show(null);
    }

    void show(Track track) {
        String key = track == null ? null : track.title() + "|" + track.artworkUrl();
        if (key != null && key.equals(shown)) {
            return;
        }
        shown = key;
        String seed = track == null ? "" : (track.artist() == null ? "" : track.artist()) + track.title();
        double hue = track == null ? 220 : Math.floorMod(seed.hashCode(), 360);
        double saturation = track == null ? 0.15 : 0.55;
        tile.setFill(new LinearGradient(0, 0, 1, 1, true, CycleMethod.NO_CYCLE,
                new Stop(0, Color.hsb(hue, saturation, 0.80)), new Stop(1, Color.hsb((hue + 40) % 360, saturation + 0.15, 0.55))));
        letter.setText(track == null || track.title().isEmpty() ? "♪" : track.title().substring(0, 1).toUpperCase(Locale.ROOT));
        image.setImage(track == null || track.artworkUrl() == null || track.artworkUrl().isBlank() ? null
                : new Image(track.artworkUrl(), size * 2, size * 2, true, true, true));
    }
}
